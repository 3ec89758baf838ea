using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>In-place rewinds: archived branches, appended entries and the reset run.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task RewindRunAsync_ArchivesTheTailAsABranchAndAppendsAfterTheKeptEntries()
    {
        await CreateFailedAsync("r1", steps: 4);
        var before = await Store.ReadJournalAsync("r1");
        var marker = new JournalEntry { Sequence = 4, Kind = JournalEntryKind.RunRewound, Payload = """{"strategy":"from-checkpoint"}""", At = At(20) };

        var applied = await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 6, keep: 3) with { Entries = [marker, Entry(5, at: At(21))] });

        Assert.True(applied);
        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal(before.Take(3).Append(marker).Append(Entry(5, at: At(21))).Select(Fields), journal.Select(Fields));
        var branch = Assert.Single(await Store.ReadJournalBranchesAsync("r1"));
        Assert.Equal((1, 3L, At(20), "from-checkpoint"), (branch.Number, branch.AfterSequence, branch.ArchivedAt, branch.Reason));
        Assert.Equal(before.Skip(3).Select(Fields), branch.Entries.Select(Fields));
    }

    [Fact]
    public async Task RewindRunAsync_ResetsTheRunToPendingAndReplacesItsWaits()
    {
        await CreateFailedAsync("r1", steps: 2);
        var wait = EventWait("2", "go", At(90));

        await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 4, keep: 2) with { Waits = [wait] });

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Pending, record.Status);
        Assert.Equal(At(20), record.UpdatedAt);
        Assert.Null(record.Error);
        Assert.Null(record.Output);
        Assert.Null(record.WakeAt);
        Assert.Equal([wait], record.Waits);
        Assert.Equal("""{"run":"r1"}""", record.Input);
        Assert.Equal(1, record.Version);
        Assert.Contains(await ClaimRunsAsync(now: At(30)), r => r.RunId == "r1");
    }

    [Fact]
    public async Task RewindRunAsync_ReplacesInputAndVersionWhenAsked()
    {
        await CreateFailedAsync("r1", steps: 1);

        await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 3, keep: 2) with { ReplaceInput = true, Input = """{"n":2}""", Version = 4 });

        var record = await GetAsync("r1");
        Assert.Equal(("""{"n":2}""", 4), (record.Input, record.Version));
        Assert.Equal("""{"run":"r1"}""", (await Store.ReadJournalAsync("r1"))[0].Payload);
    }

    [Fact]
    public async Task RewindRunAsync_ThatKeepsEverything_ArchivesAnEmptyBranch()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(Step("r1", null, 2, 3));

        Assert.True(await Store.RewindRunAsync(Rewind("r1", RunStatus.Pending, last: 3, keep: 3) with { Entries = [Entry(4)] }));

        await AssertSequencesAsync("r1", 1, 2, 3, 4);
        var branch = Assert.Single(await Store.ReadJournalBranchesAsync("r1"));
        Assert.Equal((1, 3L), (branch.Number, branch.AfterSequence));
        Assert.Empty(branch.Entries);
    }

    [Fact]
    public async Task RewindRunAsync_Twice_NumbersTheBranchesAndCommitsContinueTheRewoundJournal()
    {
        await CreateFailedAsync("r1", steps: 3);
        await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 5, keep: 3) with { Entries = [Entry(4, payload: "\"b\"")] });
        await Store.CommitAsync(Step("r1", null, 5, 6));

        Assert.True(await Store.RewindRunAsync(Rewind("r1", RunStatus.Pending, last: 6, keep: 2, branch: 2)));
        await Store.CommitAsync(Step("r1", null, 3));

        await AssertSequencesAsync("r1", 1, 2, 3);
        var branches = await Store.ReadJournalBranchesAsync("r1");
        Assert.Equal([1, 2], branches.Select(b => b.Number));
        Assert.Equal([4L, 5L], branches[0].Entries.Select(e => e.Sequence));
        Assert.Equal(JournalEntryKind.RunFailed, branches[0].Entries[1].Kind);
        Assert.Equal([3L, 4L, 5L, 6L], branches[1].Entries.Select(e => e.Sequence));
        Assert.Equal("\"b\"", branches[1].Entries[1].Payload);
        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", null, 7)).AsTask());
    }

    [Fact]
    public async Task RewindRunAsync_WhenTheRunChanged_WritesNothing()
    {
        await CreateFailedAsync("r1", steps: 2);
        var journal = await Store.ReadJournalAsync("r1");

        Assert.False(await Store.RewindRunAsync(Rewind("r1", RunStatus.Completed, last: 4, keep: 2)));
        Assert.False(await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 5, keep: 2)));
        Assert.False(await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 4, keep: 2, branch: 2)));
        Assert.False(await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 4, keep: 2) with { ExpectOwner = Owner }));
        Assert.False(await Store.RewindRunAsync(Rewind("missing", RunStatus.Failed, last: 4, keep: 2)));

        Assert.Equal(journal.Select(Fields), (await Store.ReadJournalAsync("r1")).Select(Fields));
        Assert.Empty(await Store.ReadJournalBranchesAsync("r1"));
        Assert.Equal(RunStatus.Failed, (await GetAsync("r1")).Status);
    }

    [Fact]
    public async Task RewindRunAsync_OfAnOwnedRun_ChecksAndReleasesTheOwner()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(Step("r1", Owner, 2));

        Assert.False(await Store.RewindRunAsync(Rewind("r1", RunStatus.Running, last: 2, keep: 1) with { ExpectOwner = OtherOwner }));
        Assert.True(await Store.RewindRunAsync(Rewind("r1", RunStatus.Running, last: 2, keep: 1) with { ExpectOwner = Owner }));

        var record = await GetAsync("r1");
        Assert.Equal((RunStatus.Pending, (string?)null, (DateTimeOffset?)null), (record.Status, record.Owner, record.LeaseUntil));
        Assert.DoesNotContain(Owner, await Store.ListOwnersAsync());
    }

    [Fact]
    public async Task RewindRunAsync_DeliversItsSignals()
    {
        await CreateFailedAsync("r1", steps: 1);
        var wait = new WaitRecord("2", WaitKind.Child, "child:c1", null, null);

        await Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 3, keep: 2) with { Waits = [wait], Signals = [new OutgoingSignal("r1", "child:c1", """{"status":"completed"}""")] });

        var signal = Assert.Single(await Store.ReadSignalsAsync("r1"));
        Assert.Equal(("child:c1", """{"status":"completed"}"""), (signal.Name, signal.Payload));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task RewindRunAsync_KeepingOutsideTheJournal_Throws(long keep)
    {
        await CreateFailedAsync("r1", steps: 2);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 4, keep: keep)).AsTask());
    }

    [Fact]
    public async Task RewindRunAsync_EntriesWithAGap_Throw()
    {
        await CreateFailedAsync("r1", steps: 2);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.RewindRunAsync(Rewind("r1", RunStatus.Failed, last: 4, keep: 2) with { Entries = [Entry(4)] }).AsTask());

        Assert.Contains("must follow 2 without gaps", error.Message, StringComparison.Ordinal);
        await AssertSequencesAsync("r1", 1, 2, 3, 4);
    }

    /// <summary>Creates a run with steps 2 … steps + 1 and a failed last entry, in status failed.</summary>
    protected async Task CreateFailedAsync(string runId, int steps)
    {
        Assert.True(await CreateAsync(runId));
        var sequences = Enumerable.Range(2, steps).Select(i => (long)i).ToArray();
        await Store.CommitAsync(Step(runId, null, sequences));
        var failed = new JournalEntry { Sequence = steps + 2, Kind = JournalEntryKind.RunFailed, Payload = """{"type":"X","message":"boom"}""", At = At(steps + 2) };
        await Store.CommitAsync(new RunCommit { RunId = runId, Entries = [failed], Status = RunStatus.Failed, Error = failed.Payload, At = At(steps + 2) });
    }

    protected static RunRewind Rewind(string runId, RunStatus status, long last, long keep, int branch = 1) => new()
    {
        RunId = runId,
        ExpectStatus = status,
        ExpectLastSequence = last,
        KeepThrough = keep,
        Branch = branch,
        Reason = "from-checkpoint",
        At = At(20),
    };
}
