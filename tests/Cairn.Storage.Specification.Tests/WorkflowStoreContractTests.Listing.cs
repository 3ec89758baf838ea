namespace Cairn.Storage.Specification;

/// <content>Listing runs.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task ListRunsAsync_NoFilter_ListsNewestFirst()
    {
        await CreateAsync("old", createdAt: At(1));
        await CreateAsync("new", createdAt: At(3));
        await CreateAsync("same-time-first", createdAt: At(2));
        await CreateAsync("same-time-second", createdAt: At(2));

        var runs = await Store.ListRunsAsync(new RunQuery());

        Assert.Equal(["new", "same-time-second", "same-time-first", "old"], runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task ListRunsAsync_Filters_MatchStatusWorkflowAndParent()
    {
        await CreateAsync("a", createdAt: At(1));
        await CreateAsync("b", OtherWorkflow, At(2));
        await Store.CreateRunAsync(NewRun("c", createdAt: At(3)) with { ParentRunId = "a" });
        await Store.CreateRunAsync(NewRun("d", OtherWorkflow, At(4)) with { ParentRunId = "a" });
        await Store.CommitAsync(new RunCommit { RunId = "c", Status = RunStatus.Completed, At = At(5) });

        async Task<string[]> List(RunQuery query) => (await Store.ListRunsAsync(query)).Select(r => r.RunId).ToArray();

        Assert.Equal(["d", "b", "a"], await List(new RunQuery { Status = RunStatus.Pending }));
        Assert.Equal(["d", "b"], await List(new RunQuery { Workflow = OtherWorkflow }));
        Assert.Equal(["d", "c"], await List(new RunQuery { ParentRunId = "a" }));
        Assert.Equal(["c"], await List(new RunQuery { ParentRunId = "a", Status = RunStatus.Completed }));
        Assert.Equal(["d"], await List(new RunQuery { ParentRunId = "a", Workflow = OtherWorkflow, Status = RunStatus.Pending }));
        Assert.Empty(await List(new RunQuery { Workflow = "none" }));
    }

    [Fact]
    public async Task ListRunsAsync_CreatedSince_MatchesRunsCreatedAtOrAfterIt()
    {
        await CreateAsync("old", createdAt: At(1));
        await CreateAsync("edge", createdAt: At(2));
        await CreateAsync("new", OtherWorkflow, At(3));

        async Task<string[]> List(RunQuery query) => (await Store.ListRunsAsync(query)).Select(r => r.RunId).ToArray();

        Assert.Equal(["new", "edge"], await List(new RunQuery { CreatedSince = At(2) }));
        Assert.Equal(["edge"], await List(new RunQuery { CreatedSince = At(2), Workflow = Workflow }));
    }

    [Fact]
    public async Task ListRunsAsync_OwnerFilter_MatchesRunsHeldByThatOwner()
    {
        await CreateClaimedAsync("mine", Owner);
        await CreateClaimedAsync("theirs", "other-host");
        await CreateAsync("free", createdAt: At(9));
        await Store.CreateRunAsync(NewRun("adopted", createdAt: At(10)) with { Owner = Owner, LeaseUntil = At(100) });

        var runs = await Store.ListRunsAsync(new RunQuery { Owner = Owner, Status = RunStatus.Running });

        Assert.Equal(["adopted", "mine"], runs.Select(r => r.RunId).Order());
        Assert.All(runs, r => Assert.Equal(Owner, r.Owner));

        await Store.CommitAsync(new RunCommit { RunId = "mine", ExpectStatus = RunStatus.Running, SetControl = RunControl.Pause, At = At(11) });
        var requested = await Store.ListRunsAsync(new RunQuery { Owner = Owner, OnlyWithControlRequest = true });
        Assert.Equal(["mine"], requested.Select(r => r.RunId));
        Assert.Equal(RunControl.Pause, requested[0].Control);
    }

    [Fact]
    public async Task ListRunsAsync_Limit_ReturnsTheNewestOnly()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync("r" + i, createdAt: At(i));
        }

        var runs = await Store.ListRunsAsync(new RunQuery { Limit = 2 });

        Assert.Equal(["r4", "r3"], runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task ListRunsAsync_Runs_CarryTheirFieldsButNoWaits()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(40), EventWait("2", "x"));

        var run = Assert.Single(await Store.ListRunsAsync(new RunQuery()));

        Assert.Equal(("r1", RunStatus.Suspended, (DateTimeOffset?)At(40)), (run.RunId, run.Status, run.WakeAt));
        Assert.Empty(run.Waits);
    }
}
