using System.Text.Json;
using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Escalation (a person answers a question) and parking (someone resolves the run): retry, skip with a value, fail.</summary>
public class EscalationTests : EngineTests
{
    private static readonly RetryPolicy TwoQuick = new() { MaxAttempts = 2, InitialDelay = TimeSpan.Zero };

    protected StepLog Log { get; } = new();

    private void Register(CairnBuilder b, FailurePolicy policy) => b.AddWorkflow<string>("flow", async ctx =>
    {
        var v = await ctx.Step("charge", Log.Body("charge", () => "charged"), new StepOptions { Retry = TwoQuick, OnFailure = policy });
        return await ctx.Step("after", Log.Body("after", () => "after " + v));
    });

    [Fact]
    public async Task EscalatePolicy_AnsweredRetry_RunsAFreshRoundOfAttemptsAndCompletes()
    {
        Log.Fail("charge");
        var store = NewStore();
        string id;
        await using (var first = await StartHostAsync(b => Register(b, FailurePolicy.Escalate()), store))
        {
            id = await first.Client.StartAsync("flow");
            var run = await first.WaitForStatusAsync(id, RunStatus.Suspended);
            var wait = Assert.Single(run.WaitingFor);
            Assert.Equal((WaitKind.Question, "1.1"), (wait.Kind, wait.Position));
            Assert.Equal(new Question("charge@1.1", "Step 'charge' failed after 2 attempt(s): System.InvalidOperationException: charge broke. Retry it, skip it, or fail it?", QuestionKind.Choice), wait.Question! with { Options = null });
            Assert.Equal(["retry", "skip", "fail"], wait.Question!.Options!.Select(o => o.Id));
        }

        Log.Heal();
        await using (var clientOnly = await StartHostAsync(b => Register(b, FailurePolicy.Escalate()), store, start: false))
        {
            await clientOnly.Client.AnswerAsync(id, null, "retry");
        }

        await using var second = await StartHostAsync(b => Register(b, FailurePolicy.Escalate()), store);
        Assert.Equal("after charged", await second.Client.WaitForOutputAsync<string>(id));
        Assert.Equal(["charge", "charge", "charge", "after"], Log.Ran);
        var attempts = (await second.Client.GetJournalAsync(id)).Where(e => e.Position == "1").Select(e => (e.Kind, e.Attempt));
        Assert.Equal([(JournalEntryKind.StepAttemptFailed, 1), (JournalEntryKind.StepAttemptFailed, 2), (JournalEntryKind.StepCompleted, 3)], attempts);
    }

    [Fact]
    public async Task EscalatePolicy_FailingAgainAfterRetry_AsksAgainAndASkipWithAValueStandsIn()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Escalate()));
        var id = await host.Client.StartAsync("flow");

        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.AnswerAsync(id, "charge@1.1", "retry");
        await Journals.WaitForAsync(host.Client, id, j => j.Any(e => e.Kind == JournalEntryKind.WaitStarted && e.Position == "1.2"));
        await host.Client.ResolveAsync(id, Resolution.Skip(JsonSerializer.SerializeToElement("by hand")));

        Assert.Equal("after by hand", await host.Client.WaitForOutputAsync<string>(id));
        var skipped = (await host.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StepSkipped);
        Assert.Equal(("1", "\"by hand\"", 4), (skipped.Position, skipped.Payload, skipped.Attempt));
    }

    [Fact]
    public async Task EscalatePolicy_AnsweredSkipWithoutAValue_UsesThePolicyOutput()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Escalate(output: "nothing charged")));
        var id = await host.Client.StartAsync("flow");

        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.AnswerAsync(id, null, "skip");

        Assert.Equal("after nothing charged", await host.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task EscalatePolicy_AnsweredFail_FailsTheStepAndTheRun()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Escalate("Charge failed; what now?")));
        var id = await host.Client.StartAsync("flow");

        var waiting = await host.WaitForStatusAsync(id, RunStatus.Suspended);
        Assert.Equal("Charge failed; what now?", waiting.WaitingFor[0].Question!.Prompt);
        await host.Client.AnswerAsync(id, null, "fail");
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("Step 'charge' at position 1 failed after 2 attempt(s): System.InvalidOperationException: charge broke", run.Error!.Message);
        Assert.Equal(JournalEntryKind.StepFailed, (await host.Client.GetJournalAsync(id)).Last(e => e.Position == "1").Kind);
    }

    [Fact]
    public async Task ParkPolicy_ParksTheRunUntilResolvedWithRetry()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Park()));
        var id = await host.Client.StartAsync("flow");

        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);
        var wait = Assert.Single(parked.WaitingFor);
        Assert.Equal((WaitKind.Park, "park:1.1", (DateTimeOffset?)null), (wait.Kind, wait.Name, wait.DueAt));
        Assert.Equal(0, host.Host.ActiveRuns);
        Log.Heal();
        await host.Client.ResolveAsync(id, Resolution.Retry);

        Assert.Equal("after charged", await host.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task ParkPolicy_ResolvedWithSkipOrFail_SkipsOrFailsTheStep()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Park()));
        var skipped = await host.Client.StartAsync("flow");
        var failed = await host.Client.StartAsync("flow");

        await host.WaitForStatusAsync(skipped, RunStatus.Parked);
        await host.WaitForStatusAsync(failed, RunStatus.Parked);
        await host.Client.ResolveAsync(skipped, Resolution.Skip(JsonSerializer.SerializeToElement("skipped")), step: "charge");
        await host.Client.ResolveAsync(failed, Resolution.Fail);

        Assert.Equal("after skipped", await host.Client.WaitForOutputAsync<string>(skipped));
        Assert.Equal(RunStatus.Failed, (await host.Client.WaitForCompletionAsync(failed)).Status);
    }

    [Fact]
    public async Task ResolveAsync_RunWithNothingToResolve_SaysWhatTheRunDoes()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("waits", async ctx => await ctx.WaitForEvent<int>("go")));
        var id = await host.Client.StartAsync("waits");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);

        var error = await Assert.ThrowsAsync<RunNotWaitingException>(() => host.Client.ResolveAsync(id, Resolution.Retry));

        Assert.Equal($"Run '{id}' is not waiting for a resolution: no step of it is parked or escalated (status suspended). Nothing was stored. Show the run to see what it waits for.", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_FailedRun_RetryResumesItAndFailIsRefused()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Fail));
        var id = await host.Client.StartAsync("flow");
        Assert.Equal(RunStatus.Failed, (await host.Client.WaitForCompletionAsync(id)).Status);

        await Assert.ThrowsAsync<RunNotWaitingException>(() => host.Client.ResolveAsync(id, Resolution.Fail));
        Log.Heal();
        await host.Client.ResolveAsync(id, Resolution.Retry);

        Assert.Equal("after charged", await host.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task ParkedRun_ResumedWithAStateEdit_RetriesTheStepWithTheNewStateAndCompletes()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("fixable", async ctx =>
        {
            await ctx.Step("load", _ => 1);
            var region = ctx.State.Get<string?>("region", null);
            return await ctx.Step("route", _ => region ?? throw new InvalidOperationException("no region set"), new StepOptions { OnFailure = FailurePolicy.Park() });
        }));
        var id = await host.Client.StartAsync("fixable");
        await host.WaitForStatusAsync(id, RunStatus.Parked);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest
        {
            SetState = new Dictionary<string, JsonElement> { ["region"] = JsonSerializer.SerializeToElement("eu") },
        });

        Assert.Contains("retries the parked step(s) 'route'", plan.Reason, StringComparison.Ordinal);
        Assert.Equal("eu", await host.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task ParkedRun_CanBePausedAndCancelled()
    {
        Log.Fail("charge");
        await using var host = await StartHostAsync(b => Register(b, FailurePolicy.Park()));
        var id = await host.Client.StartAsync("flow");
        await host.WaitForStatusAsync(id, RunStatus.Parked);

        Assert.Equal(RunStatus.Paused, await host.Client.PauseAsync(id));
        Assert.Equal(RunStatus.Cancelled, await host.Client.CancelAsync(id));
    }
}
