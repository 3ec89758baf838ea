using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Deleting finished runs, never live ones.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task DeleteRunAsync_FinishedRun_DeletesItAndLeavesOthersIntact()
    {
        await CreateFailedAsync("r1", steps: 3);
        await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 5, keep: 2) with { Status = RunStatus.Failed });
        await SendAsync("r1", "late");
        await CreateFailedAsync("r2", steps: 2);
        var other = await Store.ReadJournalAsync("r2");

        Assert.Equal(DeleteRunOutcome.Deleted, await Store.DeleteRunAsync("r1"));

        Assert.Null(await Store.GetRunAsync("r1"));
        Assert.Empty(await Store.ReadJournalAsync("r1"));
        Assert.Empty(await Store.ReadJournalBranchesAsync("r1"));
        Assert.Empty(await Store.ReadSignalsAsync("r1"));
        Assert.DoesNotContain(await Store.ListRunsAsync(new RunQuery()), r => r.RunId == "r1");
        Assert.Equal(other.Select(Fields), (await Store.ReadJournalAsync("r2")).Select(Fields));
        Assert.True(await CreateAsync("r1"));
        await AssertSequencesAsync("r1", 1);
    }

    [Theory]
    [InlineData(RunStatus.Pending)]
    [InlineData(RunStatus.Running)]
    [InlineData(RunStatus.Suspended)]
    [InlineData(RunStatus.Paused)]
    public async Task DeleteRunAsync_UnfinishedRun_IsRefused(RunStatus status)
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(2)], Status = status, At = At(2) });

        Assert.Equal(DeleteRunOutcome.NotFinished, await Store.DeleteRunAsync("r1"));

        await AssertSequencesAsync("r1", 1, 2);
    }

    [Fact]
    public async Task DeleteRunAsync_RunWithAnActiveChild_IsRefused()
    {
        await CreateAsync("parent");
        var child = NewRun("child") with { ParentRunId = "parent", ParentPosition = "2" };
        await Store.CommitAsync(new RunCommit { RunId = "parent", Entries = [Entry(2, JournalEntryKind.ChildStarted)], ChildRun = child, At = At(2) });
        await Store.CommitAsync(new RunCommit { RunId = "parent", Status = RunStatus.Cancelled, At = At(3) });

        Assert.Equal(DeleteRunOutcome.ChildActive, await Store.DeleteRunAsync("parent"));
        Assert.Equal(DeleteRunOutcome.NotFinished, await Store.DeleteRunAsync("child"));

        await Store.CommitAsync(new RunCommit { RunId = "child", Status = RunStatus.Completed, At = At(4) });
        Assert.Equal(DeleteRunOutcome.Deleted, await Store.DeleteRunAsync("parent"));
        Assert.NotNull(await Store.GetRunAsync("child"));
    }

    [Fact]
    public async Task DeleteRunAsync_FinishedChildOfAnActiveParent_IsRefused()
    {
        await CreateAsync("parent");
        var child = NewRun("child") with { ParentRunId = "parent", ParentPosition = "2" };
        await Store.CommitAsync(new RunCommit { RunId = "parent", Entries = [Entry(2, JournalEntryKind.ChildStarted)], ChildRun = child, At = At(2) });
        await Store.CommitAsync(new RunCommit { RunId = "child", Status = RunStatus.Completed, At = At(3) });

        Assert.Equal(DeleteRunOutcome.ParentActive, await Store.DeleteRunAsync("child"));

        Assert.NotNull(await Store.GetRunAsync("child"));
    }

    [Fact]
    public async Task DeleteRunAsync_UnknownRun_IsNotFound() =>
        Assert.Equal(DeleteRunOutcome.NotFound, await Store.DeleteRunAsync("missing"));
}
