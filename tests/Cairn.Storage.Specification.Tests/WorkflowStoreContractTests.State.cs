namespace Cairn.Storage.Specification;

/// <content>Session- and user-scoped state with optimistic versions.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetScopedStateAsync_KeyNeverWritten_ReturnsNull()
    {
        Assert.Null(await Store.GetScopedStateAsync(StateScope.Session, "s1", "cart"));
    }

    [Fact]
    public async Task CommitAsync_UnconditionalStateWrites_StartAtVersionOneAndIncrease()
    {
        await CreateAsync("r1");

        var first = await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "cart", "[1]", null)));
        var second = await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.Session, "s1", "cart", "[1,2]", null)));

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 1), first);
        Assert.Equal(new CommitResult(CommitOutcome.Committed, 2), second);
        Assert.Equal(new ScopedValue("[1,2]", 2), await Store.GetScopedStateAsync(StateScope.Session, "s1", "cart"));
        await AssertSequencesAsync("r1", 1, 2, 3);
    }

    [Fact]
    public async Task CommitAsync_ExpectedVersionZeroOnAnAbsentKey_Writes()
    {
        await CreateAsync("r1");

        var result = await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.User, "u1", "plan", "\"pro\"", 0)));

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 1), result);
    }

    [Fact]
    public async Task CommitAsync_ExpectedVersionMatches_WritesTheNextVersion()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.User, "u1", "plan", "\"free\"", null)));

        var result = await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.User, "u1", "plan", "\"pro\"", 1)));

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 2), result);
        Assert.Equal(new ScopedValue("\"pro\"", 2), await Store.GetScopedStateAsync(StateScope.User, "u1", "plan"));
    }

    [Fact]
    public async Task CommitAsync_ConflictWithConflictEntries_AppendsThoseEntriesInsteadAndChangesNothingElse()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "\"a\"", null)));

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(3, Journal.JournalEntryKind.StateChanged, "2", payload: "\"written\"")],
            ConflictEntries = [Entry(3, Journal.JournalEntryKind.StateChanged, "2", payload: "\"conflict\"")],
            StateWrite = new ScopedStateWrite(StateScope.Session, "s1", "k", "\"b\"", 0),
            Status = RunStatus.Suspended,
            At = At(3),
        });

        Assert.Equal(new CommitResult(CommitOutcome.StateConflict, 1), result);
        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal("\"conflict\"", journal[^1].Payload);
        Assert.Equal(3, journal[^1].Sequence);
        Assert.Equal(RunStatus.Pending, (await Store.GetRunAsync("r1"))!.Status);
        Assert.Equal(new ScopedValue("\"a\"", 1), await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));

        var next = await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(4)], At = At(4) });
        Assert.Equal(CommitOutcome.Committed, next.Outcome);
    }

    [Fact]
    public async Task CommitAsync_ExpectedVersionDiffers_ReturnsConflictWithTheCurrentVersionAndWritesNothing()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "\"a\"", null)));
        await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.Session, "s1", "k", "\"b\"", null)));

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(4, Journal.JournalEntryKind.StateChanged)],
            StateWrite = new ScopedStateWrite(StateScope.Session, "s1", "k", "\"c\"", 1),
            Status = RunStatus.Suspended,
            OpenWaits = [EventWait("4", "x")],
            Signals = [new OutgoingSignal("r1", "x", null)],
            ChildRun = NewRun("child"),
            At = At(4),
        });

        Assert.Equal(new CommitResult(CommitOutcome.StateConflict, 2), result);
        Assert.Equal(new ScopedValue("\"b\"", 2), await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));
        await AssertSequencesAsync("r1", 1, 2, 3);
        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Pending, record.Status);
        Assert.Empty(record.Waits);
        Assert.Empty(await Store.ReadSignalsAsync("r1"));
        Assert.Null(await Store.GetRunAsync("child"));
    }

    [Fact]
    public async Task CommitAsync_ExpectedVersionZeroOnAnExistingKey_ReturnsConflict()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "1", null)));

        var result = await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.Session, "s1", "k", "2", 0)));

        Assert.Equal(new CommitResult(CommitOutcome.StateConflict, 1), result);
    }

    [Fact]
    public async Task CommitAsync_ExpectedVersionOnAnAbsentKey_ReturnsConflictWithVersionZero()
    {
        await CreateAsync("r1");

        var result = await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "1", 3)));

        Assert.Equal(new CommitResult(CommitOutcome.StateConflict, 0), result);
        Assert.Null(await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));
    }

    [Fact]
    public async Task CommitAsync_DeleteAKey_KeepsItWithANullValueAndTheNextVersion()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.User, "u1", "k", "1", null)));

        var result = await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.User, "u1", "k", null, 1)));

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 2), result);
        Assert.Equal(new ScopedValue(null, 2), await Store.GetScopedStateAsync(StateScope.User, "u1", "k"));
    }

    [Fact]
    public async Task CommitAsync_StateOfDifferentScopesIdsAndKeys_IsSeparate()
    {
        await CreateAsync("r1");

        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "x", "k", "\"session\"", null)));
        await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.User, "x", "k", "\"user\"", null)));
        await Store.CommitAsync(StateCommit("r1", 4, new ScopedStateWrite(StateScope.User, "y", "k", "\"other user\"", null)));
        await Store.CommitAsync(StateCommit("r1", 5, new ScopedStateWrite(StateScope.User, "x", "k2", "\"other key\"", null)));

        Assert.Equal(new ScopedValue("\"session\"", 1), await Store.GetScopedStateAsync(StateScope.Session, "x", "k"));
        Assert.Equal(new ScopedValue("\"user\"", 1), await Store.GetScopedStateAsync(StateScope.User, "x", "k"));
        Assert.Equal(new ScopedValue("\"other user\"", 1), await Store.GetScopedStateAsync(StateScope.User, "y", "k"));
        Assert.Equal(new ScopedValue("\"other key\"", 1), await Store.GetScopedStateAsync(StateScope.User, "x", "k2"));
    }

    [Fact]
    public async Task CommitAsync_WithoutAStateWrite_ReportsVersionZero()
    {
        await CreateAsync("r1");

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 0), await Store.CommitAsync(Step("r1", null, 2)));
    }

    [Fact]
    public async Task CommitAsync_DuplicateSequenceWithAConflictingStateWrite_ThrowsOwnershipLost()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "1", null)));

        await Assert.ThrowsAsync<RunOwnershipLostException>(
            () => Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "k", "2", 0))).AsTask());

        Assert.Equal(new ScopedValue("1", 1), await Store.GetScopedStateAsync(StateScope.Session, "s1", "k"));
    }

    private static RunCommit StateCommit(string runId, long sequence, ScopedStateWrite write) => new()
    {
        RunId = runId,
        Entries = [Entry(sequence, Journal.JournalEntryKind.StateChanged)],
        StateWrite = write,
        At = At(sequence),
    };
}
