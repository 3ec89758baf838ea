namespace Cairn.Storage.Specification;

/// <content>Leases, owners and the next wake time.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task RenewLeasesAsync_Owner_ExtendsOnlyItsOwnRuns()
    {
        await CreateAsync("a1");
        await CreateAsync("a2");
        await ClaimRunsAsync(Owner);
        await CreateClaimedAsync("b1", OtherOwner);

        await Store.RenewLeasesAsync(Owner, At(500));

        Assert.Equal(At(500), (await GetAsync("a1")).LeaseUntil);
        Assert.Equal(At(500), (await GetAsync("a2")).LeaseUntil);
        Assert.Equal(At(61), (await GetAsync("b1")).LeaseUntil);
    }

    [Fact]
    public async Task RenewLeasesAsync_RenewedLease_KeepsTheRunFromBeingClaimed()
    {
        await CreateClaimedAsync("r1");

        await Store.RenewLeasesAsync(Owner, At(500));

        Assert.Empty(await ClaimRunsAsync(OtherOwner, now: At(120)));
    }

    [Fact]
    public async Task ListOwnersAsync_RunsHeldBySeveralOwners_ListsEachOwnerOnce()
    {
        await CreateAsync("a1");
        await CreateAsync("a2");
        await ClaimRunsAsync(Owner);
        await CreateClaimedAsync("b1", OtherOwner);
        await CreateAsync("free");

        var owners = await Store.ListOwnersAsync();

        Assert.Equal([Owner, OtherOwner], owners.Order());
    }

    [Fact]
    public async Task ListOwnersAsync_NoHeldRuns_IsEmpty()
    {
        await CreateAsync("r1");

        Assert.Empty(await Store.ListOwnersAsync());
    }

    [Fact]
    public async Task ReleaseOwnerAsync_Owner_FreesItsRunsAndCountsThem()
    {
        await CreateAsync("a1");
        await CreateAsync("a2");
        await ClaimRunsAsync(Owner);
        await CreateClaimedAsync("b1", OtherOwner);

        var freed = await Store.ReleaseOwnerAsync(Owner);

        Assert.Equal(2, freed);
        var a1 = await GetAsync("a1");
        Assert.Equal((RunStatus.Running, (string?)null, (DateTimeOffset?)null), (a1.Status, a1.Owner, a1.LeaseUntil));
        Assert.Equal(OtherOwner, (await GetAsync("b1")).Owner);
        Assert.Equal([OtherOwner], await Store.ListOwnersAsync());
    }

    [Fact]
    public async Task ReleaseOwnerAsync_UnknownOwner_ReturnsZero()
    {
        await CreateClaimedAsync("r1");

        Assert.Equal(0, await Store.ReleaseOwnerAsync("ghost"));
        Assert.Equal(Owner, (await GetAsync("r1")).Owner);
    }

    [Fact]
    public async Task GetNextWakeAsync_SuspendedRuns_ReturnsTheEarliestWakeTime()
    {
        await CreateAsync("r1");
        await CreateAsync("r2");
        await CreateAsync("r3");
        await SuspendAsync("r1", 2, At(300));
        await SuspendAsync("r2", 2, At(200));
        await SuspendAsync("r3", 2, null);

        Assert.Equal(At(200), await Store.GetNextWakeAsync([Workflow]));
    }

    [Fact]
    public async Task GetNextWakeAsync_NoSuspendedRunWithAWakeTime_ReturnsNull()
    {
        await CreateAsync("r1");
        await CreateAsync("r2");
        await SuspendAsync("r2", 2, null);

        Assert.Null(await Store.GetNextWakeAsync([Workflow]));
    }

    [Fact]
    public async Task GetNextWakeAsync_OtherWorkflowsAndStatuses_AreIgnored()
    {
        await CreateAsync("other", OtherWorkflow);
        await SuspendAsync("other", 2, At(10));
        await CreateAsync("paused");
        await Store.CommitAsync(new RunCommit { RunId = "paused", Status = RunStatus.Paused, WakeAt = At(20), At = At(2) });
        await CreateAsync("mine");
        await SuspendAsync("mine", 2, At(30));

        Assert.Equal(At(30), await Store.GetNextWakeAsync([Workflow]));
        Assert.Equal(At(10), await Store.GetNextWakeAsync([Workflow, OtherWorkflow]));
        Assert.Null(await Store.GetNextWakeAsync([]));
    }
}
