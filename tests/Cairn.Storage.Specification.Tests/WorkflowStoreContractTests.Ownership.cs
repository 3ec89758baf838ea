namespace Cairn.Storage.Specification;

/// <content>Owner checks, expected status and releasing a run.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_OwnerHoldsTheRun_Applies()
    {
        await CreateClaimedAsync("r1");

        var result = await Store.CommitAsync(Step("r1", Owner, 2));

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        await AssertSequencesAsync("r1", 1, 2);
    }

    [Fact]
    public async Task CommitAsync_AnotherOwnerHoldsTheRun_ThrowsAndWritesNothing()
    {
        await CreateClaimedAsync("r1", OtherOwner);

        var error = await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Owner = Owner,
            Entries = [Entry(2)],
            Status = RunStatus.Completed,
            Output = "1",
            Release = true,
            At = At(2),
        }).AsTask());

        Assert.Equal("r1", error.RunId);
        Assert.Contains(OtherOwner, error.Message, StringComparison.Ordinal);
        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Running, record.Status);
        Assert.Equal(OtherOwner, record.Owner);
        Assert.Null(record.Output);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_OwnerOnAnUnownedRun_ThrowsAndWritesNothing()
    {
        await CreateAsync("r1");

        var error = await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", Owner, 2)).AsTask());

        Assert.Contains("not owned", error.Message, StringComparison.Ordinal);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_OwnerAfterItsRunsWereReleased_Throws()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(Step("r1", Owner, 2));
        await Store.ReleaseOwnerAsync(Owner);

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", Owner, 3)).AsTask());

        await AssertSequencesAsync("r1", 1, 2);
    }

    [Fact]
    public async Task CommitAsync_OwnerAfterAnotherHostClaimedTheExpiredLease_Throws()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(Step("r1", Owner, 2));
        var taken = await ClaimRunsAsync(OtherOwner, now: At(120));
        Assert.Single(taken);

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", Owner, 3)).AsTask());
        await Store.CommitAsync(Step("r1", OtherOwner, 3));

        await AssertSequencesAsync("r1", 1, 2, 3);
        Assert.Equal("step-3", (await Store.ReadJournalAsync("r1"))[2].Name);
    }

    [Fact]
    public async Task CommitAsync_WithoutOwner_AppliesWhoeverHoldsTheRun()
    {
        await CreateClaimedAsync("r1", OtherOwner);

        var result = await Store.CommitAsync(Step("r1", null, 2));

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Equal(OtherOwner, (await GetAsync("r1")).Owner);
    }

    [Fact]
    public async Task CommitAsync_ExpectStatusDiffers_ReturnsStatusMismatchAndWritesNothing()
    {
        await CreateAsync("r1");

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            ExpectStatus = RunStatus.Running,
            Entries = [Entry(0, Journal.JournalEntryKind.RunPaused)],
            Status = RunStatus.Paused,
            At = At(2),
        });

        Assert.Equal(CommitOutcome.StatusMismatch, result.Outcome);
        Assert.Equal(RunStatus.Pending, (await GetAsync("r1")).Status);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_ExpectStatusMatches_Applies()
    {
        await CreateAsync("r1");

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            ExpectStatus = RunStatus.Pending,
            Entries = [Entry(0, Journal.JournalEntryKind.RunCancelled)],
            Status = RunStatus.Cancelled,
            At = At(2),
        });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Equal(RunStatus.Cancelled, (await GetAsync("r1")).Status);
        await AssertSequencesAsync("r1", 1, 2);
    }

    [Fact]
    public async Task CommitAsync_ExpectStatusDiffersAndWrongOwner_ReturnsStatusMismatch()
    {
        await CreateClaimedAsync("r1", OtherOwner);

        var result = await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, ExpectStatus = RunStatus.Paused, Entries = [Entry(2)], At = At(2) });

        Assert.Equal(CommitOutcome.StatusMismatch, result.Outcome);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task CommitAsync_WrongOwnerAndWrongSequence_ReportsTheOwner()
    {
        await CreateClaimedAsync("r1", OtherOwner);

        var error = await Assert.ThrowsAsync<RunOwnershipLostException>(() => Store.CommitAsync(Step("r1", Owner, 7)).AsTask());

        Assert.Contains(OtherOwner, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_Release_ClearsOwnerAndLease()
    {
        await CreateClaimedAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Entries = [Entry(2)], Status = RunStatus.Suspended, Release = true, At = At(2) });

        var record = await GetAsync("r1");
        Assert.Null(record.Owner);
        Assert.Null(record.LeaseUntil);
        Assert.Empty(await Store.ListOwnersAsync());
    }

    [Fact]
    public async Task CommitAsync_ReleaseWithoutEntries_ClearsOwnerAndLease()
    {
        await CreateClaimedAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Release = true, At = At(2) });

        var record = await GetAsync("r1");
        Assert.Null(record.Owner);
        Assert.Null(record.LeaseUntil);
        Assert.Equal(RunStatus.Running, record.Status);
    }

    [Fact]
    public async Task CommitAsync_WithoutRelease_KeepsOwnerAndLease()
    {
        await CreateClaimedAsync("r1");
        var before = await GetAsync("r1");

        await Store.CommitAsync(Step("r1", Owner, 2));

        var record = await GetAsync("r1");
        Assert.Equal(Owner, record.Owner);
        Assert.Equal(before.LeaseUntil, record.LeaseUntil);
    }
}
