using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Run priorities: claims take higher priorities first, then the oldest.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CreateRunAsync_Priority_IsStoredOnTheRun()
    {
        await Store.CreateRunAsync(NewRun("r1") with { Priority = 7 });
        await Store.CreateRunAsync(NewRun("r2") with { Priority = -3 });

        Assert.Equal((7, -3), ((await GetAsync("r1")).Priority, (await GetAsync("r2")).Priority));
        Assert.Equal([-3, 7], (await Store.ListRunsAsync(new RunQuery())).Select(r => r.Priority).Order());
    }

    [Fact]
    public async Task ClaimAsync_LimitOne_TakesTheHighestPriorityPendingRun()
    {
        await Store.CreateRunAsync(NewRun("old-low", createdAt: At(-3)) with { Priority = 0 });
        await Store.CreateRunAsync(NewRun("new-high", createdAt: At(-1)) with { Priority = 5 });
        await Store.CreateRunAsync(NewRun("middle", createdAt: At(-2)) with { Priority = 2 });

        var first = await ClaimRunsAsync(limit: 1);
        var rest = await ClaimRunsAsync(limit: 10);

        Assert.Equal(["new-high"], first.Select(r => r.RunId));
        Assert.Equal(["middle", "old-low"], rest.Select(r => r.RunId));
    }

    [Fact]
    public async Task ClaimAsync_EqualPriorities_TakesTheOldestFirst()
    {
        await Store.CreateRunAsync(NewRun("new", createdAt: At(-1)) with { Priority = 4 });
        await Store.CreateRunAsync(NewRun("old", createdAt: At(-3)) with { Priority = 4 });
        await Store.CreateRunAsync(NewRun("low", createdAt: At(-5)) with { Priority = -1 });

        var first = await ClaimRunsAsync(limit: 1);
        var second = await ClaimRunsAsync(limit: 1);
        var third = await ClaimRunsAsync(limit: 1);

        Assert.Equal(["old", "new", "low"], first.Concat(second).Concat(third).Select(r => r.RunId));
    }

    [Fact]
    public async Task ClaimAsync_DueSuspendedRunOfHigherPriority_IsTakenBeforeOlderPendingRuns()
    {
        await Store.CreateRunAsync(NewRun("urgent", createdAt: At(-1)) with { Priority = 9 });
        Assert.Single(await ClaimRunsAsync(limit: 1));
        await SuspendAsync("urgent", 2, At(5), new WaitRecord("2", WaitKind.Timer, "timer:2", At(5), null));
        await Store.CreateRunAsync(NewRun("waiting", createdAt: At(-10)));

        var claimed = await ClaimRunsAsync(now: At(6), limit: 1);

        Assert.Equal(["urgent"], claimed.Select(r => r.RunId));
    }

    [Fact]
    public async Task ImportRunAsync_Priority_IsKept()
    {
        var run = new RunRecord { RunId = "imported", Workflow = Workflow, Status = RunStatus.Pending, Priority = 3, CreatedAt = T0, UpdatedAt = T0 };

        Assert.True(await Store.ImportRunAsync(new RunImport { Run = run, Journal = [new JournalEntry { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = Workflow, At = T0 }] }));

        Assert.Equal(3, (await GetAsync("imported")).Priority);
    }
}
