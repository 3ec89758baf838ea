using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>State snapshots: written with commits, found by position, thinned and dropped without touching the journal.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_WithASnapshot_StoresItWithTheEntriesAndReadSnapshotFindsTheNearestAtOrBefore()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2);
        await Store.CommitAsync(Step("r1", null, 3));
        await CommitSnapshotsAsync("r1", 4);

        Assert.Null(await Store.ReadSnapshotAsync("r1", 1));
        Assert.Equal(Snapshot(2), await Store.ReadSnapshotAsync("r1", 3));
        Assert.Equal(Snapshot(4), await Store.ReadSnapshotAsync("r1", 4));
        Assert.Equal(Snapshot(4), await Store.ReadSnapshotAsync("r1", long.MaxValue));
        Assert.Equal([Snapshot(2), Snapshot(4)], await Store.ListSnapshotsAsync("r1"));
        await AssertSequencesAsync("r1", 1, 2, 3, 4);
        Assert.Null(await Store.ReadSnapshotAsync("unknown", long.MaxValue));
        Assert.Empty(await Store.ListSnapshotsAsync("unknown"));
    }

    [Fact]
    public async Task CommitAsync_WithKeepSnapshots_DeletesTheOlderOnesInTheSameCommit()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2, 3, 4);
        var journal = await Store.ReadJournalAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(5)], Snapshot = Snapshot(5), KeepSnapshots = 2, At = At(5) });

        Assert.Equal([Snapshot(4), Snapshot(5)], await Store.ListSnapshotsAsync("r1"));
        Assert.Equal(journal.Select(Fields).Append(Fields(Entry(5))), (await Store.ReadJournalAsync("r1")).Select(Fields));
    }

    [Fact]
    public async Task ThinSnapshotsAsync_KeepsTheNewestAndLeavesTheJournalAsItWas()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2, 3, 4, 5);
        var journal = await Store.ReadJournalAsync("r1");

        Assert.Equal(3, await Store.ThinSnapshotsAsync("r1", 1));

        Assert.Equal([Snapshot(5)], await Store.ListSnapshotsAsync("r1"));
        Assert.Null(await Store.ReadSnapshotAsync("r1", 4));
        Assert.Equal(journal.Select(Fields), (await Store.ReadJournalAsync("r1")).Select(Fields));
        Assert.Equal(0, await Store.ThinSnapshotsAsync("r1", 1));
        Assert.Equal(1, await Store.ThinSnapshotsAsync("r1", 0));
        Assert.Empty(await Store.ListSnapshotsAsync("r1"));
        Assert.Equal(0, await Store.ThinSnapshotsAsync("unknown", 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ThinSnapshotsAsync("r1", -1).AsTask());
    }

    [Fact]
    public async Task CommitAsync_SnapshotAtASequenceThatHasOne_ReplacesIt()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2);
        var again = Snapshot(2) with { Payload = """{"state":{"n":"2"},"steps":[]}""" };

        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(3)], Snapshot = again, At = At(3) });

        Assert.Equal([again], await Store.ListSnapshotsAsync("r1"));
    }

    [Fact]
    public async Task RewindRunAsync_DeletesTheSnapshotsAfterTheKeptSequenceOnly()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2, 3, 4);

        Assert.True(await Store.RewindRunAsync(Rewind("r1", RunStatus.Pending, last: 4, keep: 3) with { Entries = [Entry(4, JournalEntryKind.RunRewound)] }));

        Assert.Equal([Snapshot(2), Snapshot(3)], await Store.ListSnapshotsAsync("r1"));
    }

    [Fact]
    public async Task DeleteRunAsync_DeletesTheRunsSnapshots()
    {
        await CreateAsync("r1");
        await CommitSnapshotsAsync("r1", 2, 3);
        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(4, JournalEntryKind.RunFailed)], Status = RunStatus.Failed, At = At(4) });

        Assert.Equal(DeleteRunOutcome.Deleted, await Store.DeleteRunAsync("r1"));

        Assert.Empty(await Store.ListSnapshotsAsync("r1"));
        Assert.True(await CreateAsync("r1"));
        Assert.Null(await Store.ReadSnapshotAsync("r1", long.MaxValue));
    }

    [Fact]
    public async Task DeleteRunAsync_ParkedRun_IsRefusedAndTheRunKeepsItsJournal()
    {
        await CreateAsync("r1");
        await ParkAsync("r1", null, ParkWait("2", null));
        var journal = await Store.ReadJournalAsync("r1");

        Assert.Equal(DeleteRunOutcome.NotFinished, await Store.DeleteRunAsync("r1"));

        Assert.Equal(RunStatus.Parked, (await GetAsync("r1")).Status);
        Assert.Equal(journal.Select(Fields), (await Store.ReadJournalAsync("r1")).Select(Fields));
    }

    /// <summary>A snapshot taken at a sequence; its checkpoint number is the sequence minus one.</summary>
    protected static StateSnapshot Snapshot(long sequence) =>
        new(sequence, (int)sequence - 1, $$"""{"state":{"n":"{{sequence}}"},"steps":[]}""", At(sequence));

    /// <summary>Commits one step entry per sequence, each with a snapshot at it.</summary>
    private async Task CommitSnapshotsAsync(string runId, params long[] sequences)
    {
        foreach (var s in sequences)
        {
            await Store.CommitAsync(new RunCommit { RunId = runId, Entries = [Entry(s)], Snapshot = Snapshot(s), At = At(s) });
        }
    }
}
