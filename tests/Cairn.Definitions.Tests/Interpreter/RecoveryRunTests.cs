using Cairn.Definitions.Tests.Execution;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>The recovery paths of YAML definitions at run time: retry schedules and filters, breakers, escalations and parks.</summary>
public sealed class RecoveryRunTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Http_RetryOnStatus_RetriesTheListedStatusesAndNotOthers()
    {
        await using var flaky = LoopbackServer.Start();
        await using var missing = LoopbackServer.Start();
        flaky.FirstStatuses.Enqueue(503);
        flaky.FirstStatuses.Enqueue(429);
        missing.Status = 404;
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$"""
            name: statuses
            steps:
              - id: flaky
                type: http
                url: {{flaky.Url}}
                retry: { maxAttempts: 5, delay: 0s, retryOn: { status: [429, 503] } }
              - id: missing
                type: http
                url: {{missing.Url}}
                retry: { maxAttempts: 5, delay: 0s, retryOn: { status: [429, 503] } }
            """);

        var id = await host.Client.StartAsync("statuses");
        await host.WaitForStatusAsync(id, RunStatus.Failed);

        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal((3, 3), (flaky.Requests, journal.Single(e => e.Name == "flaky" && e.Kind == JournalEntryKind.StepCompleted).Attempt));
        Assert.Equal((1, 1), (missing.Requests, journal.Single(e => e.Name == "missing" && e.Kind == JournalEntryKind.StepFailed).Attempt));
    }

    [Fact]
    public async Task Retry_DelayBackoffAndMaxDelay_RetryAtEachDueTimeOfTheSchedule()
    {
        var time = new ManualTimeProvider();
        await using var host = await DefinitionHost.StartAsync(_folder.Path, time: time);
        await host.RegisterAsync(_folder.Path, """
            name: schedule
            steps:
              - id: call
                type: script
                code: "if (run.attempt < 4) throw new Error('busy'); run.attempt"
                retry: { maxAttempts: 4, delay: 1m, backoff: 3, maxDelay: 5m }
            """);
        var start = time.GetUtcNow();

        var id = await host.Client.StartAsync("schedule");
        TimeSpan[] schedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5)];
        var expectedAt = start;
        for (var i = 0; i < schedule.Length; i++)
        {
            var journal = await Journals.WaitForRetryWaitAsync(host.Client, id, i + 1);
            expectedAt += schedule[i];
            Assert.Equal(expectedAt, Journals.RetryAt(journal.Where(e => e.Kind == JournalEntryKind.StepAttemptFailed).Last()));
            time.Advance(schedule[i] - TimeSpan.FromSeconds(1));
            Assert.Equal(i + 1, (await host.Client.GetJournalAsync(id)).Count(e => e.Kind == JournalEntryKind.StepAttemptFailed));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("4", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }

    [Fact]
    public async Task CircuitBreaker_HalfOpensAfterItsBreak_AndTheTrialLetsTheRunContinue()
    {
        var flag = _folder.File("healthy");
        var time = new ManualTimeProvider();
        await using var host = await DefinitionHost.StartAsync(_folder.Path, time: time);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: guarded
            steps:
              - id: call
                type: exec
                command: [test, -f, "{{{flag}}}"]
                retry: { maxAttempts: 5, delay: 0s }
                circuitBreaker: { key: backend, threshold: 2, breakFor: 1m }
              - id: after
                type: script
                code: "'continued after attempt ' + steps.call.output.exitCode"
            """);

        var id = await host.Client.StartAsync("guarded");
        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);
        Assert.Equal(("circuit:backend", time.GetUtcNow() + TimeSpan.FromMinutes(1)), (Assert.Single(parked.WaitingFor).Name, parked.WaitingFor[0].DueAt));
        await File.WriteAllTextAsync(flag, "");
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("\"continued after attempt 0\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        Assert.Equal(3, (await host.Client.GetJournalAsync(id)).Single(e => e.Name == "call" && e.Kind == JournalEntryKind.StepCompleted).Attempt);
    }

    [Fact]
    public async Task CircuitBreaker_OfAnHttpStepWithoutAKey_IsKeyedByTheUrlsHostAndPort()
    {
        await using var server = LoopbackServer.Start();
        server.Status = 503;
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$"""
            name: keyed
            steps:
              - id: call
                type: http
                url: {{server.Url}}status
                retry: { maxAttempts: 3, delay: 0s }
                circuitBreaker: { threshold: 1, breakFor: 1h }
            """);

        var id = await host.Client.StartAsync("keyed");
        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);

        Assert.Equal("circuit:" + new Uri(server.Url).Authority, Assert.Single(parked.WaitingFor).Name);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("fail")]
    public async Task OnFailureEscalate_AnsweredSkipOrFail_SkipsWithTheStandInOrFailsWithTheError(string answer)
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: escalating
            steps:
              - id: quote
                type: script
                code: "throw new Error('no prices')"
                onFailure: { action: escalate, output: 7 }
              - id: total
                type: script
                code: "steps.quote.output * 2"
            """);

        var id = await host.Client.StartAsync("escalating");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.AnswerAsync(id, null, answer);

        if (answer == "skip")
        {
            Assert.Equal("14", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
            Assert.Contains((await host.Client.GetProgressAsync(id)).Steps, s => s.Name == "quote" && s.Status == StepStatus.Skipped);
        }
        else
        {
            Assert.Contains("no prices", (await host.WaitForStatusAsync(id, RunStatus.Failed)).Error!.Message, StringComparison.Ordinal);
            Assert.DoesNotContain((await host.Client.GetProgressAsync(id)).Steps, s => s.Name == "total");
        }
    }

    [Fact]
    public async Task OnFailurePark_ResolvedWithRetry_RunsTheStepAgainAndTheRunCompletes()
    {
        var flag = _folder.File("fixed");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: parked-retry
            steps:
              - id: check
                type: exec
                command: [sh, -c, "test -f '{{{flag}}}' && echo ready"]
                onFailure: park
            """);

        var id = await host.Client.StartAsync("parked-retry");
        await host.WaitForStatusAsync(id, RunStatus.Parked);
        await File.WriteAllTextAsync(flag, "");
        await host.Client.ResolveAsync(id, Resolution.Retry);
        await host.WaitForStatusAsync(id, RunStatus.Completed);

        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(2, journal.Single(e => e.Name == "check" && e.Kind == JournalEntryKind.StepCompleted).Attempt);
    }
}
