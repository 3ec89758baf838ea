using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Resume;

/// <summary>auto on a run whose host stopped while executing it (killed): it decides from the journal, not from the status.</summary>
public class AutoStrategyTests : ResumeTestBase
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Auto_KilledRunWhoseLastEventIsATransientAttemptFailure_ChoosesRetryFailedAndRunsOnlyFromThatStep()
    {
        await using var host = await StartAsync(start: false);
        await KilledChainAsync(host, AttemptFailed(3, "b", "2", "System.IO.IOException", "disk gone"));

        var dry = await host.Client.ResumeAsync("k1", new ResumeRequest { Strategy = ResumeStrategy.Auto, DryRun = true });
        var plan = await host.Client.ResumeAsync("k1", new ResumeRequest { Strategy = ResumeStrategy.Auto });
        await host.Host.StartAsync(CancellationToken.None);

        Assert.Equal(ResumeStrategy.RetryFailed, dry.Strategy);
        Assert.StartsWith("Chose retry-failed: host 'gone' stopped while executing it, and the journal's last event is step 'b' at position 2 failing with IOException, which may pass by itself.", dry.Reason, StringComparison.Ordinal);
        Assert.Equal(["a"], Names(dry.Kept));
        Assert.Equal(["b"], Names(dry.Rerun));
        Assert.Equal(dry.Reason, plan.Reason);
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>("k1"));
        Assert.Equal(["b", "c", "d"], Log.Ran);
        Assert.Single(await host.Client.GetJournalBranchesAsync("k1"));
    }

    [Fact]
    public async Task Auto_KilledRunWhoseLastEventIsAnHttp503StepFailure_ChoosesRetryFailed()
    {
        await using var host = await StartAsync(start: false);
        var failed = AttemptFailed(3, "b", "2", "System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", JournalEntryKind.StepFailed);
        await KilledChainAsync(host, failed);

        var dry = await host.Client.ResumeAsync("k1", new ResumeRequest { Strategy = ResumeStrategy.Auto, DryRun = true });

        Assert.Equal(ResumeStrategy.RetryFailed, dry.Strategy);
        Assert.Contains("failing with HTTP 503", dry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_KilledRunWhoseLastEventIsAPermanentFailure_ChoosesResumeAndSaysWhy()
    {
        await using var host = await StartAsync(start: false);
        await KilledChainAsync(host, AttemptFailed(3, "b", "2", "System.InvalidOperationException", "bad data"));

        var dry = await host.Client.ResumeAsync("k1", new ResumeRequest { Strategy = ResumeStrategy.Auto, DryRun = true });

        Assert.Equal(ResumeStrategy.Resume, dry.Strategy);
        Assert.StartsWith("Chose resume: host 'gone' stopped while executing it, and the journal's last event is not a transient failure.", dry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_KilledRunThatCompletedAStepAfterATransientFailure_ChoosesResume()
    {
        await using var host = await StartAsync(start: false);
        await KilledChainAsync(host, AttemptFailed(3, "b", "2", "System.TimeoutException", "slow"), Completed(4, "b", "2", "4"));

        var dry = await host.Client.ResumeAsync("k1", new ResumeRequest { Strategy = ResumeStrategy.Auto, DryRun = true });

        Assert.Equal(ResumeStrategy.Resume, dry.Strategy);
        Assert.Contains("is not a transient failure", dry.Reason, StringComparison.Ordinal);
    }

    private async Task<TestHost> StartAsync(bool start) => await StartHostAsync(Workflows, start: start);

    /// <summary>A "chain" run (input 1) held by host "gone", whose lease ran out: its step "a" completed, then the given entries.</summary>
    private static async Task KilledChainAsync(TestHost host, params JournalEntry[] after)
    {
        Assert.True(await host.Store.CreateRunAsync(new NewRun
        {
            RunId = "k1",
            Workflow = "chain",
            Input = "1",
            Owner = "gone",
            LeaseUntil = Now.AddMinutes(-5),
            CreatedAt = Now.AddMinutes(-10),
        }));
        await host.Store.CommitAsync(new RunCommit { RunId = "k1", Owner = "gone", Entries = [Completed(2, "a", "1", "2"), .. after], At = Now.AddMinutes(-6) });
        Assert.Equal(RunStatus.Running, (await host.Client.GetRunAsync("k1")).Status);
    }

    private static JournalEntry Completed(long sequence, string name, string position, string output) =>
        new() { Sequence = sequence, Kind = JournalEntryKind.StepCompleted, Position = position, Name = name, Payload = output, At = Now.AddMinutes(-7) };

    private static JournalEntry AttemptFailed(long sequence, string name, string position, string type, string message, JournalEntryKind kind = JournalEntryKind.StepAttemptFailed) => new()
    {
        Sequence = sequence,
        Kind = kind,
        Position = position,
        Name = name,
        Payload = System.Text.Json.JsonSerializer.Serialize(new FailureInfo(type, message)),
        At = Now.AddMinutes(-7),
    };
}
