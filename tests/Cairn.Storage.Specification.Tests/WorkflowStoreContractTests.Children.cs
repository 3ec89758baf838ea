using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Child runs created by a commit.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_ChildRun_IsCreatedPendingInTheSameCommit()
    {
        await CreateClaimedAsync("parent");
        var child = NewRun("child", OtherWorkflow, At(3)) with { ParentRunId = "parent", ParentPosition = "2", SessionId = "s1" };

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "parent",
            Owner = Owner,
            Entries = [Entry(2, JournalEntryKind.ChildStarted, payload: "\"child\"")],
            ChildRun = child,
            At = At(3),
        });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        var record = await GetAsync("child");
        Assert.Equal(RunStatus.Pending, record.Status);
        Assert.Equal(OtherWorkflow, record.Workflow);
        Assert.Equal("parent", record.ParentRunId);
        Assert.Equal("2", record.ParentPosition);
        Assert.Equal("s1", record.SessionId);
        Assert.Equal(At(3), record.CreatedAt);
        var started = Assert.Single(await Store.ReadJournalAsync("child"));
        Assert.Equal((1L, JournalEntryKind.RunStarted, OtherWorkflow), (started.Sequence, started.Kind, started.Name));
        await AssertSequencesAsync("parent", 1, 2);
    }

    [Fact]
    public async Task CommitAsync_ChildRunThatExistsForTheSameParent_KeepsIt()
    {
        await CreateAsync("parent");
        var child = NewRun("child") with { ParentRunId = "parent", ParentPosition = "2" };
        await Store.CommitAsync(new RunCommit { RunId = "parent", Entries = [Entry(2, JournalEntryKind.ChildStarted)], ChildRun = child, At = At(2) });
        await Store.CommitAsync(Step("child", null, 2));

        var result = await Store.CommitAsync(new RunCommit { RunId = "parent", Entries = [Entry(3)], ChildRun = child with { Input = "\"changed\"" }, At = At(3) });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        await AssertSequencesAsync("child", 1, 2);
        Assert.Equal("""{"run":"child"}""", (await GetAsync("child")).Input);
        await AssertSequencesAsync("parent", 1, 2, 3);
    }

    [Fact]
    public async Task CommitAsync_ChildRunIdTakenByAnotherParent_ThrowsAndWritesNothing()
    {
        await CreateAsync("parent");
        await CreateAsync("taken");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(new RunCommit
        {
            RunId = "parent",
            Entries = [Entry(2, JournalEntryKind.ChildStarted)],
            StateWrite = new ScopedStateWrite(StateScope.Session, "s1", "k", "1", null),
            Status = RunStatus.Suspended,
            ChildRun = NewRun("taken") with { ParentRunId = "parent" },
            At = At(2),
        }).AsTask());

        await AssertSequencesAsync("parent", 1);
        Assert.Equal(RunStatus.Pending, (await GetAsync("parent")).Status);
        Assert.Null(await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));
        Assert.Null((await GetAsync("taken")).ParentRunId);
    }

    [Fact]
    public async Task CommitAsync_ChildRunAndASignalToIt_DeliversTheSignalToTheNewRun()
    {
        await CreateAsync("parent");

        await Store.CommitAsync(new RunCommit
        {
            RunId = "parent",
            Entries = [Entry(2, JournalEntryKind.ChildStarted)],
            ChildRun = NewRun("child") with { ParentRunId = "parent" },
            Signals = [new OutgoingSignal("child", "hello", "1")],
            At = At(2),
        });

        Assert.Equal(["hello"], (await Store.ReadSignalsAsync("child")).Select(s => s.Name));
    }

    [Fact]
    public async Task CommitAsync_ChildRun_CanBeClaimedAndCommittedLikeAnyRun()
    {
        await CreateClaimedAsync("parent");
        await Store.CommitAsync(new RunCommit { RunId = "parent", Owner = Owner, Entries = [Entry(2, JournalEntryKind.ChildStarted)], ChildRun = NewRun("child", createdAt: At(2)) with { ParentRunId = "parent" }, At = At(2) });

        var claimed = await ClaimRunsAsync(OtherOwner, now: At(3));
        await Store.CommitAsync(Step("child", OtherOwner, 2, 3));

        Assert.Equal("child", Assert.Single(claimed).RunId);
        await AssertSequencesAsync("child", 1, 2, 3);
    }
}
