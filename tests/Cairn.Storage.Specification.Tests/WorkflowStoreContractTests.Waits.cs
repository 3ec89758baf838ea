namespace Cairn.Storage.Specification;

/// <content>Opening and closing waits.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_OpenWaits_AreReadWithTheRunInOrder()
    {
        await CreateAsync("r1");
        WaitRecord[] waits =
        [
            new("2", WaitKind.Timer, "timer:2", At(30), null),
            new("3", WaitKind.Question, "question:approve", At(3600), """{"text":"Approve?"}"""),
            new("4", WaitKind.Child, "child:c1", null, null),
            EventWait("5", "paid"),
        ];

        await SuspendAsync("r1", 2, At(30), waits);

        Assert.Equal(waits, (await GetAsync("r1")).Waits);
    }

    [Fact]
    public async Task CommitAsync_CloseWaits_RemovesThem()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "a"), EventWait("3", "b"), EventWait("4", "c"));

        await Store.CommitAsync(new RunCommit { RunId = "r1", CloseWaits = ["2", "4"], At = At(3) });

        Assert.Equal([EventWait("3", "b")], (await GetAsync("r1")).Waits);
    }

    [Fact]
    public async Task CommitAsync_CloseAnUnknownWait_ChangesNothing()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "a"));

        var result = await Store.CommitAsync(new RunCommit { RunId = "r1", CloseWaits = ["9"], At = At(3) });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Equal([EventWait("2", "a")], (await GetAsync("r1")).Waits);
    }

    [Fact]
    public async Task CommitAsync_CloseAndOpenInOneCommit_ClosesFirst()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "a"), EventWait("3", "b"));

        await Store.CommitAsync(new RunCommit { RunId = "r1", CloseWaits = ["2"], OpenWaits = [EventWait("2", "a2"), EventWait("5", "e")], At = At(3) });

        Assert.Equal([EventWait("3", "b"), EventWait("2", "a2"), EventWait("5", "e")], (await GetAsync("r1")).Waits);
    }

    [Fact]
    public async Task CommitAsync_OpenAWaitAtAnOpenPosition_ReplacesIt()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "a"), EventWait("3", "b"));

        await Store.CommitAsync(new RunCommit { RunId = "r1", OpenWaits = [EventWait("2", "a", At(90))], At = At(3) });

        Assert.Equal([EventWait("3", "b"), EventWait("2", "a", At(90))], (await GetAsync("r1")).Waits);
    }

    [Fact]
    public async Task CommitAsync_Waits_BelongToTheirRun()
    {
        await CreateAsync("r1");
        await CreateAsync("r2");

        await SuspendAsync("r1", 2, null, EventWait("2", "a"));
        await SuspendAsync("r2", 2, null, EventWait("2", "b"));
        await Store.CommitAsync(new RunCommit { RunId = "r2", CloseWaits = ["2"], At = At(3) });

        Assert.Equal([EventWait("2", "a")], (await GetAsync("r1")).Waits);
        Assert.Empty((await GetAsync("r2")).Waits);
    }
}
