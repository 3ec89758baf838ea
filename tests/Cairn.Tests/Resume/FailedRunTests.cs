using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Resume;

/// <summary>retry-failed, skip-failed and auto on failed runs.</summary>
public class FailedRunTests : ResumeTestBase
{
    [Fact]
    public async Task RetryFailed_ParallelRun_KeepsTheCompletedBranchesAndRunsOnlyTheFailedOne()
    {
        await using var host = await StartAsync();
        Log.Fail("p1");
        var id = await RunToEndAsync(host, "fan");
        Log.Heal();

        var dry = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.RetryFailed, DryRun = true });
        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.RetryFailed });

        Assert.Equal(6, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(["p0", "p2"], Names(dry.Kept).Order());
        Assert.Equal(["p1"], Names(dry.Rerun));
        Assert.Equal(Names(dry.Rerun), Names(plan.Rerun));
        Assert.Equal(["p1", "sum"], Log.Ran);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(1, journal.Count(e => e.Kind == JournalEntryKind.StepCompleted && e.Name == "p0"));
        Assert.DoesNotContain(journal, e => e.Kind is JournalEntryKind.StepFailed or JournalEntryKind.RunFailed);
    }

    [Fact]
    public async Task SkipFailed_RecordsTheStepSkippedWithTheValueAndGoesOn()
    {
        await using var host = await StartAsync();
        Log.Fail("c");
        var id = await RunToEndAsync(host, "chain", 1);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.SkipFailed, Value = StepLog.Json(100) });

        Assert.Equal(101, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(["c"], Names(plan.Skipped));
        Assert.Empty(plan.Rerun);
        Assert.Equal(["d"], Log.Ran);
        var c = Assert.Single((await host.Client.GetProgressAsync(id)).Steps, s => s.Name == "c");
        Assert.Equal((StepStatus.Skipped, "100"), (c.Status, c.Output));
    }

    [Fact]
    public async Task SkipFailed_WithSeveralFailedSteps_AsksWhichOne()
    {
        await using var host = await StartAsync();
        Log.Fail("p0");
        Log.Fail("p2");
        var id = await RunToEndAsync(host, "fan");

        var error = await Assert.ThrowsAsync<ResumeNotPossibleException>(() => host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.SkipFailed }));

        Assert.Equal($"Cannot skip-failed run '{id}': 2 steps failed ('p0' at 1.0.1, 'p2' at 1.2.1); name the one to skip. Nothing was changed.", error.Message);
    }

    [Fact]
    public async Task Auto_TransientFailure_RetriesTheFailedSteps()
    {
        await using var host = await StartAsync();
        Log.Fail("c", () => new TimeoutException("slow"));
        var id = await RunToEndAsync(host, "chain", 1);
        Log.Heal();

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto });

        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(ResumeStrategy.RetryFailed, plan.Strategy);
        Assert.StartsWith("Chose retry-failed: step 'c' at position 3 failed with TimeoutException, which may pass by itself.", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(["c", "d"], Log.Ran);
    }

    [Fact]
    public async Task Auto_NothingCompleted_Restarts()
    {
        await using var host = await StartAsync();
        Log.Fail("a");
        var id = await RunToEndAsync(host, "chain", 1);
        Log.Heal();

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto });

        Assert.Equal(ResumeStrategy.Restart, plan.Strategy);
        Assert.StartsWith("Chose restart: nothing completed", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(plan.ContinuingRunId));
    }

    [Fact]
    public async Task Auto_PermanentFailure_Resumes()
    {
        await using var host = await StartAsync();
        Log.Fail("c");
        var id = await RunToEndAsync(host, "chain", 1);
        Log.Heal();

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto, DryRun = true });

        Assert.Equal(ResumeStrategy.Resume, plan.Strategy);
        Assert.Equal(["c"], Names(plan.Rerun));
    }

    [Fact]
    public async Task Auto_AfterACodeChange_RewindsToTheLastCheckpointThatStillReplays()
    {
        var store = NewStore();
        string id;
        await using (var v1 = await StartHostAsync(b => b.AddWorkflow<int>("order", async ctx =>
        {
            await ctx.Step("validate", Log.Body("validate", () => 1));
            await ctx.Step("price", Log.Body("price", () => 2));
            await ctx.WaitForEvent<int>("go");
            return await ctx.Step("ship", Log.Body("ship", () => 3));
        }), store))
        {
            id = await v1.Client.StartAsync("order");
            await v1.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        Log.Clear();
        await using var v2 = await StartHostAsync(b => b.AddWorkflow<int>("order", async ctx =>
        {
            await ctx.Step("validate", Log.Body("validate", () => 1));
            var price = await ctx.Step("quote", Log.Body("quote", () => 20));
            await ctx.WaitForEvent<int>("go");
            return await ctx.Step("ship", Log.Body("ship", () => price + 3));
        }), store);
        await v2.Client.SignalAsync(id, "go", 1);
        var failed = await v2.Client.WaitForCompletionAsync(id);
        Assert.Equal(typeof(NonDeterminismException).FullName, failed.Error?.Type);

        // The event that woke the failed run was never consumed: the rewound run finds it in its inbox.
        var plan = await v2.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto });

        Assert.Equal(23, await v2.Client.WaitForOutputAsync<int>(id));
        Assert.Equal((ResumeStrategy.FromCheckpoint, 1), (plan.Strategy, plan.Checkpoint));
        Assert.StartsWith("Chose from-checkpoint 1: the code or definition changed and no longer replays at position 2", plan.Reason, StringComparison.Ordinal);
        Assert.Equal([("2", "price")], plan.Rerun.Select(c => (c.Position, c.Name)));
        Assert.Equal(["go"], Names(plan.WaitsAgain));
        Assert.Equal(["quote", "ship"], Log.Ran);
    }
}
