namespace Cairn.Storage.Specification;

/// <content>Parked runs: unloaded like suspended ones, woken by their wake time or a resolution.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task ClaimAsync_ParkedRun_IsTakenWhenItsWakeTimeIsDue()
    {
        await CreateAsync("r1");
        await ParkAsync("r1", At(30), ParkWait("2", At(30)));

        Assert.Equal(RunStatus.Parked, (await GetAsync("r1")).Status);
        Assert.Empty(await ClaimRunsAsync(now: At(29)));
        var record = Assert.Single(await ClaimRunsAsync(now: At(30)));
        Assert.Equal((RunStatus.Running, null), (record.Status, record.WakeAt));
    }

    [Fact]
    public async Task ClaimAsync_ParkedRunWithoutAWakeTime_IsNotTaken()
    {
        await CreateAsync("r1");
        await ParkAsync("r1", null, ParkWait("2", null));

        Assert.Empty(await ClaimRunsAsync(now: At(99999)));
        Assert.Null(await Store.GetNextWakeAsync([Workflow]));
    }

    [Fact]
    public async Task SendSignalAsync_ParkedRunWaitingForIt_WakesTheRunAtAcceptance()
    {
        await CreateAsync("r1");
        await ParkAsync("r1", null, ParkWait("2", null));

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "park:2", """{"action":"retry"}""", requireOpenWait: true, at: At(10)));

        Assert.Equal(At(10), (await GetAsync("r1")).WakeAt);
        Assert.Equal(At(10), await Store.GetNextWakeAsync([Workflow]));
        Assert.Equal("r1", Assert.Single(await ClaimRunsAsync(now: At(10))).RunId);
    }

    [Fact]
    public async Task CommitAsync_ParkingARunWhoseResolutionArrivedMeanwhile_WakesItAtOnce()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Entries = [Entry(2, position: "1")], OpenWaits = [ParkWait("2", null)], At = At(2) });
        await SendAsync("r1", "park:2", """{"action":"skip"}""", at: At(3));

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Status = RunStatus.Parked, Release = true, At = At(4) });

        Assert.Equal(At(4), (await GetAsync("r1")).WakeAt);
    }

    [Fact]
    public async Task GetNextWakeAsync_SuspendedAndParkedRuns_ReturnsTheEarliestOfBoth()
    {
        await CreateAsync("suspended");
        await SuspendAsync("suspended", 2, At(300));
        await CreateAsync("parked");
        await ParkAsync("parked", At(200), ParkWait("2", At(200)));

        Assert.Equal(At(200), await Store.GetNextWakeAsync([Workflow]));
    }

    [Fact]
    public async Task ListRunsAsync_ByParkedStatus_ListsOnlyParkedRuns()
    {
        await CreateAsync("suspended");
        await SuspendAsync("suspended", 2, At(300));
        await CreateAsync("parked");
        await ParkAsync("parked", null, ParkWait("2", null));

        Assert.Equal(["parked"], (await Store.ListRunsAsync(new RunQuery { Status = RunStatus.Parked })).Select(r => r.RunId));
    }

    private static WaitRecord ParkWait(string position, DateTimeOffset? dueAt) =>
        new(position, WaitKind.Park, "park:" + position, dueAt, """{"step":"charge"}""");

    private Task<CommitResult> ParkAsync(string runId, DateTimeOffset? wakeAt, WaitRecord wait) =>
        Store.CommitAsync(new RunCommit
        {
            RunId = runId,
            Entries = [Entry(2, position: wait.Position)],
            Status = RunStatus.Parked,
            WakeAt = wakeAt,
            OpenWaits = [wait],
            Release = true,
            At = At(2),
        }).AsTask();
}
