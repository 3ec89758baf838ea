using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Appending journal entries and sequence numbers.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_Entries_AreAppendedInOrderWithEveryField()
    {
        await CreateAsync("r1");
        var entries = new[]
        {
            Entry(2),
            Entry(3, JournalEntryKind.StepAttemptFailed, position: "3.1", payload: """{"error":"x"}"""),
            new JournalEntry { Sequence = 4, Kind = JournalEntryKind.ProgressReported, At = At(4).AddTicks(7) },
        };

        var result = await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = entries, At = At(4) });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal(entries.Select(Fields), journal.Skip(1).Select(Fields));
        Assert.Null(journal[3].Position);
        Assert.Null(journal[3].Name);
        Assert.Null(journal[3].Payload);
    }

    [Fact]
    public async Task CommitAsync_SeveralCommits_ContinueTheSequence()
    {
        await CreateAsync("r1");

        await Store.CommitAsync(Step("r1", null, 2));
        await Store.CommitAsync(Step("r1", null, 3, 4));
        await Store.CommitAsync(Step("r1", null, 5));

        await AssertSequencesAsync("r1", 1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task CommitAsync_DuplicateSequence_ThrowsAndWritesNothing()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(Step("r1", null, 2));
        await SendAsync("r1", "go");
        var signal = Assert.Single(await Store.ReadSignalsAsync("r1"));

        var error = await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(2, payload: "\"again\"")],
            Status = RunStatus.Suspended,
            OpenWaits = [EventWait("2", "go")],
            ConsumeSignal = signal.Id,
            SetControl = RunControl.Pause,
            StateWrite = new ScopedStateWrite(StateScope.Session, "s1", "k", "1", null),
            Signals = [new OutgoingSignal("r1", "other", null)],
            At = At(9),
        }).AsTask());

        Assert.Equal("r1", error.RunId);
        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal([1, 2], journal.Select(e => e.Sequence));
        Assert.Equal("""{"n":2}""", journal[1].Payload);
        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Pending, record.Status);
        Assert.Equal(RunControl.None, record.Control);
        Assert.Empty(record.Waits);
        Assert.Equal([signal], await Store.ReadSignalsAsync("r1"));
        Assert.Null(await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));
    }

    [Fact]
    public async Task CommitAsync_SequenceGap_ThrowsAndWritesNothing()
    {
        await CreateAsync("r1");

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", null, 3)).AsTask());

        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_NonConsecutiveEntries_ThrowsAndWritesNothing()
    {
        await CreateAsync("r1");

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", null, 2, 4)).AsTask());

        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_SequenceOfFirstEntry_ThrowsAndWritesNothing()
    {
        await CreateAsync("r1");

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", null, 1)).AsTask());

        await AssertSequencesAsync("r1", 1);
        Assert.Equal(JournalEntryKind.RunStarted, (await Store.ReadJournalAsync("r1"))[0].Kind);
    }

    [Fact]
    public async Task CommitAsync_SequenceZero_IsNumberedByTheStore()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(Step("r1", null, 2));

        await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(0, JournalEntryKind.RunPaused, payload: "\"paused\""), Entry(0, JournalEntryKind.RunResumed)],
            At = At(5),
        });

        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal([1, 2, 3, 4], journal.Select(e => e.Sequence));
        Assert.Equal(JournalEntryKind.RunPaused, journal[2].Kind);
        Assert.Equal("\"paused\"", journal[2].Payload);
        Assert.Equal(JournalEntryKind.RunResumed, journal[3].Kind);
    }

    [Fact]
    public async Task CommitAsync_SequenceZeroAfterANumberedEntry_ContinuesTheNumbering()
    {
        await CreateAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(2), Entry(0, JournalEntryKind.Checkpoint)], At = At(2) });
        await Store.CommitAsync(Step("r1", null, 4));

        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal([1, 2, 3, 4], journal.Select(e => e.Sequence));
        Assert.Equal(JournalEntryKind.Checkpoint, journal[2].Kind);
    }

    [Fact]
    public async Task CommitAsync_UnknownRun_ReturnsStatusMismatch()
    {
        var result = await Store.CommitAsync(Step("missing", null, 2));

        Assert.Equal(CommitOutcome.StatusMismatch, result.Outcome);
        Assert.Null(await Store.GetRunAsync("missing"));
        Assert.Empty(await Store.ReadJournalAsync("missing"));
    }

    [Fact]
    public async Task CommitAsync_UnknownRunWithOwner_ReturnsStatusMismatch()
    {
        var result = await Store.CommitAsync(Step("missing", Owner, 2));

        Assert.Equal(CommitOutcome.StatusMismatch, result.Outcome);
    }

    [Fact]
    public async Task CommitAsync_NoEntries_ChangesTheRunOnly()
    {
        await CreateAsync("r1");

        var result = await Store.CommitAsync(new RunCommit { RunId = "r1", SetControl = RunControl.Cancel, At = At(3) });

        Assert.Equal(CommitResult.Committed, result);
        Assert.Equal(RunControl.Cancel, (await GetAsync("r1")).Control);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_AfterARefusedCommit_TheNextValidCommitApplies()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(Step("r1", null, 2));
        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", null, 2)).AsTask());

        await Store.CommitAsync(Step("r1", null, 3));

        await AssertSequencesAsync("r1", 1, 2, 3);
    }

    [Fact]
    public async Task ReadJournalAsync_LongJournal_ReturnsEveryEntryInOrder()
    {
        await CreateAsync("r1");
        for (var s = 2; s <= 300; s += 3)
        {
            await Store.CommitAsync(Step("r1", null, s, s + 1, s + 2));
        }

        var journal = await Store.ReadJournalAsync("r1");

        Assert.Equal(Enumerable.Range(1, 301).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.All(journal.Skip(1), e => Assert.Equal("step-" + e.Sequence, e.Name));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(200_000)]
    public async Task CommitAsync_NonAsciiTextOfAnySize_RoundTripsExactly(int length)
    {
        const string runId = "über-lauf-✓-😀";
        var payload = "\"" + string.Concat(Enumerable.Repeat("żółw 🐢 — ", length / 10 + 1))[..length] + "\"";
        await Store.CreateRunAsync(NewRun(runId) with { Input = payload, SessionId = "sitzung-ß" });

        await Store.CommitAsync(new RunCommit
        {
            RunId = runId,
            Entries = [Entry(2, payload: payload)],
            OpenWaits = [new WaitRecord("2", WaitKind.Question, "question:größe", null, payload)],
            StateWrite = new ScopedStateWrite(StateScope.Session, "sitzung-ß", "schlüssel", payload, null),
            At = At(2),
        });
        await SendAsync(runId, "nachricht-✉", payload);

        var run = await GetAsync(runId);
        Assert.Equal(payload, run.Input);
        Assert.Equal("sitzung-ß", run.SessionId);
        Assert.Equal(payload, Assert.Single(run.Waits).Detail);
        var journal = await Store.ReadJournalAsync(runId);
        Assert.Equal([payload, payload], journal.Select(e => e.Payload));
        Assert.Equal(new ScopedValue(payload, 1), await Store.GetScopedStateAsync(StateScope.Session, "sitzung-ß", "schlüssel"));
        var signal = Assert.Single(await Store.ReadSignalsAsync(runId));
        Assert.Equal(("nachricht-✉", payload), (signal.Name, signal.Payload));
        Assert.Equal([runId], (await Store.ListRunsAsync(new RunQuery())).Select(r => r.RunId));
    }
}
