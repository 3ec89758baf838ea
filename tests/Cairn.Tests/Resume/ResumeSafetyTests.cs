using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Tests.Resume;

/// <summary>What resume refuses, and what it says about outside effects.</summary>
public class ResumeSafetyTests : ResumeTestBase
{
    [Fact]
    public async Task Rewind_OfARunThatIsExecuting_IsRefused()
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("busy", async ctx =>
        {
            await ctx.Step("first", _ => 1);
            return await ctx.Step("slow", async _ =>
            {
                inside.TrySetResult();
                await release.Task;
                return 2;
            });
        }));
        var id = await host.Client.StartAsync("busy");
        await inside.Task;

        var error = await Assert.ThrowsAsync<ResumeNotPossibleException>(() => host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 1 }));
        var plain = await host.Client.ResumeAsync(id, new ResumeRequest());
        release.SetResult();

        Assert.StartsWith($"Cannot from-checkpoint run '{id}': it is executing on host '", error.Message, StringComparison.Ordinal);
        Assert.False(plain.ChangesRun);
        Assert.Equal(2, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Empty(await host.Client.GetJournalBranchesAsync(id));
    }

    [Fact]
    public async Task Plan_ListsSideEffectingStepsAndChildWorkflowsAsOutsideEffects()
    {
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("child", ctx => ctx.Step("inner", Log.Body("inner", () => 1)))
            .AddWorkflow<int>("parent", async ctx =>
            {
                await ctx.Step("pure", Log.Body("pure", () => 1));
                await ctx.Step("charge", Log.Body("charge", () => 2), new StepOptions { SideEffecting = true });
                return await ctx.RunChild<int>("child");
            }));
        var id = await RunToEndAsync(host, "parent");

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 0 });
        await FinishAsync(host, id);

        Assert.Equal([("pure", false), ("charge", true), ("child", false)], plan.Rerun.Select(c => (c.Name, c.SideEffecting)));
        Assert.Equal([("charge", PlannedCallKind.Step), ("child", PlannedCallKind.Child)], plan.OutsideEffects.Select(c => (c.Name, c.Kind)));
        Assert.Equal(["pure", "charge", "inner"], Log.Ran);
        Assert.Equal(RunStatus.Completed, (await host.Client.GetRunAsync($"{id}/3~1")).Status);
        Assert.Equal(RunStatus.Completed, (await host.Client.GetRunAsync($"{id}/3")).Status);
        var started = Assert.Single(await host.Client.GetJournalAsync(id), e => e.Kind == JournalEntryKind.StepStarted);
        Assert.Equal(("2", "charge", 1), (started.Position, started.Name, started.Attempt));
    }

    [Fact]
    public async Task Rewind_PastAChildWithAFixedId_UsesTheChildsResultWithoutStartingItAgain()
    {
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("child", ctx => ctx.Step("inner", Log.Body("inner", () => 7)))
            .AddWorkflow<int>("parent", async ctx =>
            {
                var n = await ctx.RunChild<int>("child", childRunId: "the-child");
                return await ctx.Step("after", Log.Body("after", () => n + 1));
            }));
        var id = await RunToEndAsync(host, "parent");

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 0 });

        Assert.Equal(8, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(["after"], Names(plan.Rerun));
        Assert.Contains("has the fixed run id 'the-child': it is not started again", Assert.Single(plan.Warnings), StringComparison.Ordinal);
        Assert.Equal(Names(plan.Rerun), Log.Ran);
    }

    [Theory]
    [InlineData(ResumeStrategy.RetryFailed, null, null, "it has no failed step or child workflow (status completed); use resume to continue it.")]
    [InlineData(ResumeStrategy.SkipFailed, null, null, "it has no failed step (status completed).")]
    [InlineData(ResumeStrategy.FromStep, null, "nope", "its journal has no step 'nope'; its steps are: a, b, c, d.")]
    [InlineData(ResumeStrategy.FromCheckpoint, 9, null, "it has no checkpoint 9; its checkpoints are 1 to 4 (0 is its start). List them to choose one.")]
    [InlineData(ResumeStrategy.Resume, null, null, "it has completed, so nothing is left to resume. Use from-checkpoint, fork or restart to run part or all of it again.")]
    public async Task Strategy_ThatDoesNotApply_SaysWhyAndChangesNothing(ResumeStrategy strategy, int? checkpoint, string? step, string reason)
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var before = await SnapshotAsync(host, id);

        var error = await Assert.ThrowsAsync<ResumeNotPossibleException>(() => host.Client.ResumeAsync(id, new ResumeRequest { Strategy = strategy, Checkpoint = checkpoint, StepId = step }));

        Assert.Equal($"Cannot {strategy.ToWireName()} run '{id}': {reason} Nothing was changed.", error.Message);
        Assert.Equal(before, await SnapshotAsync(host, id));
    }

    [Fact]
    public async Task Rewinds_AreNumberedBranchesAndTheJournalKeepsEveryRewind()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);

        await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 3 });
        await FinishAsync(host, id);
        await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromStep, StepId = "b" });
        await FinishAsync(host, id);

        var branches = await host.Client.GetJournalBranchesAsync(id);
        Assert.Equal([(1, "from-checkpoint"), (2, "from-step")], branches.Select(b => (b.Number, b.Reason)));
        Assert.Equal(["d"], branches[0].Entries.Where(e => e.Kind == JournalEntryKind.StepCompleted).Select(e => e.Name));
        Assert.Equal(["b", "c", "d"], branches[1].Entries.Where(e => e.Kind == JournalEntryKind.StepCompleted).Select(e => e.Name));
        Assert.Equal(["d", "b", "c", "d"], Log.Ran);
    }
}
