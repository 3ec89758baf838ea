using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>What a step does once its attempts are exhausted: skip, fall back, and the workflow's default; each replayed after a restart.</summary>
public class FailurePolicyTests : EngineTests
{
    protected static readonly RetryPolicy TwoQuick = new() { MaxAttempts = 2, InitialDelay = TimeSpan.Zero };

    private Action<CairnBuilder>? _register;
    private IWorkflowStore? _store;
    private ManualTimeProvider? _time;

    protected StepLog Log { get; } = new();

    [Fact]
    public async Task SkipPolicy_AfterTheLastAttempt_RecordsTheStandInAndGoesOnAlsoAfterARestart()
    {
        Log.Fail("charge");
        var (first, id) = await StartAndSleepAsync(ctx => ctx.Step("charge", Log.Body("charge", () => 1), new StepOptions { Retry = TwoQuick, OnFailure = FailurePolicy.Skip(40) }), v => v + 2);

        Assert.Equal(42, await FinishAfterRestartAsync(first, id));
        var steps = (await first.Store.ReadJournalAsync(id)).Where(e => e.Position == "1").ToList();
        Assert.Equal([JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepSkipped], steps.Select(e => e.Kind));
        Assert.Equal([true, false], steps.Take(2).Select(e => Journals.RetryAt(e) is not null));
        Assert.Equal(("40", 2), (steps[2].Payload, steps[2].Attempt));
        Assert.Equal(["charge", "charge"], Log.Ran);
    }

    [Fact]
    public async Task FallbackPolicy_AfterTheLastAttempt_RunsTheAlternativeWhoseResultStandsForTheStep()
    {
        Log.Fail("primary");
        var (first, id) = await StartAndSleepAsync(ctx => ctx.Step("primary", Log.Body("primary", () => 1), new StepOptions
        {
            Retry = TwoQuick,
            OnFailure = FailurePolicy.Fallback<int>(async (alt, failure) =>
                await alt.Step("backup", Log.Body("backup", () => failure.Attempts * 10))),
        }), v => v + 1);

        Assert.Equal(21, await FinishAfterRestartAsync(first, id));
        var journal = await first.Store.ReadJournalAsync(id);
        Assert.Equal(JournalEntryKind.StepFailed, journal.Last(e => e.Position == "1").Kind);
        var backup = journal.Single(e => e.Name == "backup");
        Assert.Equal(("1.1", JournalEntryKind.StepCompleted, "20"), (backup.Position, backup.Kind, backup.Payload));
        Assert.Equal(["primary", "primary", "backup"], Log.Ran);
    }

    [Fact]
    public async Task FailPolicy_IsTheDefault_AndTheWorkflowDefaultAppliesToStepsWithoutOne()
    {
        Log.Fail("a");
        Log.Fail("b");
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("defaults", async ctx =>
        {
            var a = await ctx.Step("a", Log.Body("a", () => "a"));
            try
            {
                await ctx.Step("b", Log.Body("b", () => "b"), new StepOptions { OnFailure = FailurePolicy.Fail });
                return "unreachable";
            }
            catch (StepFailedException e)
            {
                return a + "|" + e.StepName;
            }
        }, options: new WorkflowOptions { OnFailure = FailurePolicy.Skip("skipped") }));

        Assert.Equal("skipped|b", await host.Client.WaitForOutputAsync<string>(await host.Client.StartAsync("defaults")));
    }

    [Fact]
    public async Task FallbackPolicy_ReturningAnotherType_FailsTheStepNamingBothTypes()
    {
        Log.Fail("primary");
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("mistyped", async ctx =>
            await ctx.Step("primary", Log.Body("primary", () => 1), new StepOptions { OnFailure = FailurePolicy.Fallback<string>((_, _) => Task.FromResult("text")) })));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("mistyped"));

        Assert.Equal(
            "The fallback of step 'primary' returned System.String, not System.Int32; give FailurePolicy.Fallback the step's result type.",
            run.Error!.Message);
    }

    /// <summary>Starts a run of one step (then a day's sleep, then <paramref name="then"/>) on a manual clock; the run is suspended in the sleep when this returns.</summary>
    protected async Task<(TestHost Host, string RunId)> StartAndSleepAsync(Func<WorkflowContext, Task<int>> step, Func<int, int> then)
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        _register = b => b.AddWorkflow<int>("flow", async ctx =>
        {
            var value = await step(ctx);
            await ctx.Sleep(TimeSpan.FromDays(1));
            return then(value);
        });
        _time = time;
        var host = await StartHostAsync(_register, store, time);
        var id = await host.Client.StartAsync("flow");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        _store = store;
        await host.DisposeAsync();
        return (host, id);
    }

    /// <summary>Starts a second host on the same store, lets the day pass, and returns the run's output.</summary>
    protected async Task<int> FinishAfterRestartAsync(TestHost first, string id)
    {
        await using var second = await StartHostAsync(_register!, _store!, _time);
        _time!.Advance(TimeSpan.FromDays(1));
        return await second.Client.WaitForOutputAsync<int>(id);
    }
}
