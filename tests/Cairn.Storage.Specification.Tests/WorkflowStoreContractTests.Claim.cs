namespace Cairn.Storage.Specification;

/// <content>Claiming runnable runs.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task ClaimAsync_PendingRun_IsTakenAndRunningForTheOwner()
    {
        await CreateAsync("r1");

        var claimed = await Store.ClaimAsync(new ClaimRequest(Owner, At(5), At(65), 10, [Workflow]));

        var record = Assert.Single(claimed);
        Assert.Equal(("r1", RunStatus.Running, Owner, At(65), At(5)), (record.RunId, record.Status, record.Owner, record.LeaseUntil, record.UpdatedAt));
        Assert.Null(record.WakeAt);
        Assert.Equal(record.Status, (await GetAsync("r1")).Status);
        Assert.Equal(Owner, (await GetAsync("r1")).Owner);
    }

    [Fact]
    public async Task ClaimAsync_ClaimedRun_IncludesItsWaits()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(10), new WaitRecord("2", WaitKind.Timer, "timer:2", At(10), null));

        var record = Assert.Single(await ClaimRunsAsync(now: At(10)));

        Assert.Equal([new WaitRecord("2", WaitKind.Timer, "timer:2", At(10), null)], record.Waits);
    }

    [Fact]
    public async Task ClaimAsync_RunsOfOtherWorkflows_AreNotTaken()
    {
        await CreateAsync("r1", OtherWorkflow);
        await CreateAsync("r2");

        var claimed = await ClaimRunsAsync();

        Assert.Equal(["r2"], claimed.Select(r => r.RunId));
        Assert.Equal(RunStatus.Pending, (await GetAsync("r1")).Status);
    }

    [Fact]
    public async Task ClaimAsync_SeveralWorkflows_TakesRunsOfEach()
    {
        await CreateAsync("r1", OtherWorkflow);
        await CreateAsync("r2");
        await CreateAsync("r3", "third");

        var claimed = await ClaimRunsAsync(workflows: [Workflow, OtherWorkflow]);

        Assert.Equal(["r1", "r2"], claimed.Select(r => r.RunId).Order());
    }

    [Fact]
    public async Task ClaimAsync_Limit_TakesTheOldestFirst()
    {
        await CreateAsync("new", createdAt: At(-1));
        await CreateAsync("old", createdAt: At(-3));
        await CreateAsync("middle", createdAt: At(-2));

        var first = await ClaimRunsAsync(limit: 2);
        var second = await ClaimRunsAsync(limit: 2);

        Assert.Equal(["old", "middle"], first.Select(r => r.RunId));
        Assert.Equal(["new"], second.Select(r => r.RunId));
    }

    [Fact]
    public async Task ClaimAsync_EqualCreationTimes_TakesRunsInCreationOrder()
    {
        foreach (var id in new[] { "c", "a", "d", "b" })
        {
            await CreateAsync(id);
        }

        var claimed = await ClaimRunsAsync();

        Assert.Equal(["c", "a", "d", "b"], claimed.Select(r => r.RunId));
    }

    [Fact]
    public async Task ClaimAsync_DueTimesAndCreationTimes_AreOrderedTogether()
    {
        await CreateAsync("suspended", createdAt: At(-10));
        await SuspendAsync("suspended", 2, At(-2));
        await CreateAsync("pending", createdAt: At(-5));
        await CreateAsync("late", createdAt: At(-1));

        var claimed = await ClaimRunsAsync(now: At(0));

        Assert.Equal(["pending", "suspended", "late"], claimed.Select(r => r.RunId));
    }

    [Fact]
    public async Task ClaimAsync_SuspendedRun_IsTakenWhenItsWakeTimeIsDue()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(30));

        var early = await ClaimRunsAsync(now: At(29));
        var due = await ClaimRunsAsync(now: At(30));

        Assert.Empty(early);
        var record = Assert.Single(due);
        Assert.Null(record.WakeAt);
        Assert.Equal(RunStatus.Running, record.Status);
    }

    [Fact]
    public async Task ClaimAsync_SuspendedRunWithoutAWakeTime_IsNotTaken()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "never"));

        Assert.Empty(await ClaimRunsAsync(now: At(99999)));
    }

    [Fact]
    public async Task ClaimAsync_RunningRunWithALiveLease_IsNotTaken()
    {
        await CreateClaimedAsync("r1");

        Assert.Empty(await ClaimRunsAsync(OtherOwner, now: At(30)));
        Assert.Empty(await ClaimRunsAsync(OtherOwner, now: At(61)));
        Assert.Equal(Owner, (await GetAsync("r1")).Owner);
    }

    [Fact]
    public async Task ClaimAsync_RunningRunWithAnExpiredLease_IsTakenByTheNewOwner()
    {
        await CreateClaimedAsync("r1");

        var record = Assert.Single(await ClaimRunsAsync(OtherOwner, now: At(61).AddTicks(1)));

        Assert.Equal(OtherOwner, record.Owner);
        Assert.Equal(At(61).AddTicks(1).AddMinutes(1), record.LeaseUntil);
    }

    [Fact]
    public async Task ClaimAsync_RunningRunWhoseOwnerWasReleased_IsTakenAtOnce()
    {
        await CreateClaimedAsync("r1");
        await Store.ReleaseOwnerAsync(Owner);

        var record = Assert.Single(await ClaimRunsAsync(OtherOwner, now: At(2)));

        Assert.Equal(OtherOwner, record.Owner);
    }

    [Theory]
    [InlineData(RunStatus.Paused)]
    [InlineData(RunStatus.Completed)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Cancelled)]
    public async Task ClaimAsync_PausedOrFinishedRun_IsNotTaken(RunStatus status)
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = status, WakeAt = At(0), At = At(0) });

        Assert.Empty(await ClaimRunsAsync(now: At(100)));
    }

    [Fact]
    public async Task ClaimAsync_ZeroLimitOrNoWorkflows_TakesNothing()
    {
        await CreateAsync("r1");

        Assert.Empty(await ClaimRunsAsync(limit: 0));
        Assert.Empty(await Store.ClaimAsync(new ClaimRequest(Owner, At(1), At(60), 10, [])));
        Assert.Equal(RunStatus.Pending, (await GetAsync("r1")).Status);
    }

    [Fact]
    public async Task ClaimAsync_WorkflowNamesWithQuotes_AreMatchedExactly()
    {
        const string odd = "say \"hi\", it's [1]";
        await CreateAsync("r1", odd);

        Assert.Empty(await ClaimRunsAsync(workflows: ["say"]));
        Assert.Single(await ClaimRunsAsync(workflows: [odd]));
    }
}
