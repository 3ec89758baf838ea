namespace Cairn.Storage.Specification;

/// <content>Signals: sending, waking, consuming and delivering between runs.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task SendSignalAsync_UnknownRun_ReturnsRunNotFound()
    {
        Assert.Equal(SignalOutcome.RunNotFound, await SendAsync("missing", "go"));
    }

    [Theory]
    [InlineData(RunStatus.Completed)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Cancelled)]
    public async Task SendSignalAsync_FinishedRun_ReturnsRunFinishedAndWritesNothing(RunStatus finished)
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = finished, At = At(2) });

        Assert.Equal(SignalOutcome.RunFinished, await SendAsync("r1", "go"));

        Assert.Empty(await Store.ReadSignalsAsync("r1"));
    }

    [Fact]
    public async Task SendSignalAsync_RequireOpenWaitWithoutTheWait_ReturnsNotWaitingAndWritesNothing()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, EventWait("2", "question:other"));

        Assert.Equal(SignalOutcome.NotWaiting, await SendAsync("r1", "question:approve", "true", requireOpenWait: true, at: At(5)));

        Assert.Empty(await Store.ReadSignalsAsync("r1"));
        Assert.Null((await GetAsync("r1")).WakeAt);
    }

    [Fact]
    public async Task SendSignalAsync_RequireOpenWaitWithTheWait_IsAccepted()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, null, new WaitRecord("2", WaitKind.Question, "question:approve", null, null));

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "question:approve", "true", requireOpenWait: true, at: At(5)));

        var signal = Assert.Single(await Store.ReadSignalsAsync("r1"));
        Assert.Equal(("r1", "question:approve", "true", At(5)), (signal.RunId, signal.Name, signal.Payload, signal.At));
    }

    [Fact]
    public async Task SendSignalAsync_Accepted_QueuesSignalsOldestFirstWithIncreasingIds()
    {
        await CreateAsync("r1");
        await CreateAsync("r2");

        await SendAsync("r1", "a", "1", at: At(3));
        await SendAsync("r2", "b", null, at: At(4));
        await SendAsync("r1", "c", "3", at: At(5));

        var signals = await Store.ReadSignalsAsync("r1");
        Assert.Equal(["a", "c"], signals.Select(s => s.Name));
        Assert.Equal(["1", "3"], signals.Select(s => s.Payload));
        Assert.Equal([At(3), At(5)], signals.Select(s => s.At));
        var other = Assert.Single(await Store.ReadSignalsAsync("r2"));
        Assert.Null(other.Payload);
        Assert.True(signals[0].Id < other.Id && other.Id < signals[1].Id);
    }

    [Fact]
    public async Task SendSignalAsync_SuspendedRunWaitingForIt_WakesTheRunAtAcceptance()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(3600), EventWait("2", "paid", At(3600)));

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "paid", at: At(10)));

        Assert.Equal(At(10), (await GetAsync("r1")).WakeAt);
        Assert.Equal(At(10), await Store.GetNextWakeAsync([Workflow]));
    }

    [Fact]
    public async Task SendSignalAsync_SuspendedRunNotWaitingForIt_KeepsItsWakeTime()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(3600), EventWait("2", "paid", At(3600)));

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "shipped", at: At(10)));

        Assert.Equal(At(3600), (await GetAsync("r1")).WakeAt);
        Assert.Single(await Store.ReadSignalsAsync("r1"));
    }

    [Fact]
    public async Task SendSignalAsync_RunningRunWaitingForIt_IsQueuedWithoutAWakeTime()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, OpenWaits = [EventWait("2", "paid")], At = At(2) });

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "paid", at: At(10)));

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Running, record.Status);
        Assert.Null(record.WakeAt);
    }

    [Fact]
    public async Task SendSignalAsync_PausedRun_IsQueued()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = RunStatus.Paused, OpenWaits = [EventWait("2", "go")], At = At(2) });

        Assert.Equal(SignalOutcome.Accepted, await SendAsync("r1", "go", at: At(10)));

        Assert.Null((await GetAsync("r1")).WakeAt);
        Assert.Single(await Store.ReadSignalsAsync("r1"));
    }

    [Fact]
    public async Task CommitAsync_ConsumeSignal_RemovesItFromTheInbox()
    {
        await CreateAsync("r1");
        await SendAsync("r1", "a");
        await SendAsync("r1", "b");
        var first = (await Store.ReadSignalsAsync("r1"))[0];

        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(2, Journal.JournalEntryKind.WaitCompleted)], ConsumeSignal = first.Id, At = At(3) });

        Assert.Equal(["b"], (await Store.ReadSignalsAsync("r1")).Select(s => s.Name));
    }

    [Fact]
    public async Task CommitAsync_ConsumeASignalOfAnotherRun_LeavesItAlone()
    {
        await CreateAsync("r1");
        await CreateAsync("r2");
        await SendAsync("r2", "a");
        var signal = Assert.Single(await Store.ReadSignalsAsync("r2"));

        await Store.CommitAsync(new RunCommit { RunId = "r1", ConsumeSignal = signal.Id, At = At(3) });

        Assert.Equal([signal], await Store.ReadSignalsAsync("r2"));
    }

    [Fact]
    public async Task CommitAsync_SuspendWhileAMatchingSignalIsInTheInbox_WakesAtCommitTime()
    {
        await CreateClaimedAsync("r1");
        await SendAsync("r1", "paid", at: At(2));

        await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Owner = Owner,
            Entries = [Entry(2, Journal.JournalEntryKind.WaitStarted)],
            OpenWaits = [EventWait("2", "paid", At(3600))],
            Status = RunStatus.Suspended,
            WakeAt = At(3600),
            Release = true,
            At = At(4),
        });

        Assert.Equal(At(4), (await GetAsync("r1")).WakeAt);
        Assert.Single(await ClaimRunsAsync(OtherOwner, now: At(5)));
    }

    [Fact]
    public async Task CommitAsync_SuspendWithAnUnrelatedSignalInTheInbox_KeepsTheRequestedWakeTime()
    {
        await CreateClaimedAsync("r1");
        await SendAsync("r1", "shipped", at: At(2));

        await SuspendAsync("r1", 2, At(3600), EventWait("2", "paid", At(3600)));

        Assert.Equal(At(3600), (await GetAsync("r1")).WakeAt);
    }

    [Fact]
    public async Task CommitAsync_SuspendAfterConsumingTheMatchingSignal_KeepsTheRequestedWakeTime()
    {
        await CreateClaimedAsync("r1");
        await SendAsync("r1", "paid", at: At(2));
        var signal = Assert.Single(await Store.ReadSignalsAsync("r1"));

        await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(2, Journal.JournalEntryKind.WaitCompleted)],
            ConsumeSignal = signal.Id,
            OpenWaits = [EventWait("3", "paid")],
            Status = RunStatus.Suspended,
            WakeAt = At(600),
            At = At(4),
        });

        Assert.Equal(At(600), (await GetAsync("r1")).WakeAt);
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignal_IsDeliveredAtCommitTimeAndWakesAWaitingRun()
    {
        await CreateAsync("parent");
        await CreateAsync("child");
        await SuspendAsync("parent", 2, null, new WaitRecord("2", WaitKind.Child, "child:child", null, null));

        await Store.CommitAsync(new RunCommit
        {
            RunId = "child",
            Entries = [Entry(2, Journal.JournalEntryKind.RunCompleted)],
            Status = RunStatus.Completed,
            Output = "42",
            Signals = [new OutgoingSignal("parent", "child:child", "42")],
            At = At(7),
        });

        var signal = Assert.Single(await Store.ReadSignalsAsync("parent"));
        Assert.Equal(("parent", "child:child", "42", At(7)), (signal.RunId, signal.Name, signal.Payload, signal.At));
        Assert.Equal(At(7), (await GetAsync("parent")).WakeAt);
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignalToARunNotWaitingForIt_IsQueuedWithoutWaking()
    {
        await CreateAsync("parent");
        await CreateAsync("child");
        await SuspendAsync("parent", 2, At(900), EventWait("2", "other"));

        await Store.CommitAsync(new RunCommit { RunId = "child", Signals = [new OutgoingSignal("parent", "child:child", null)], At = At(7) });

        Assert.Single(await Store.ReadSignalsAsync("parent"));
        Assert.Equal(At(900), (await GetAsync("parent")).WakeAt);
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignalToAFinishedOrUnknownRun_IsDropped()
    {
        await CreateAsync("done");
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "done", Status = RunStatus.Completed, At = At(2) });

        var result = await Store.CommitAsync(new RunCommit
        {
            RunId = "r1",
            Entries = [Entry(2)],
            Signals = [new OutgoingSignal("done", "x", null), new OutgoingSignal("missing", "y", null)],
            At = At(3),
        });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Empty(await Store.ReadSignalsAsync("done"));
        Assert.Null(await Store.GetRunAsync("missing"));
        await AssertSequencesAsync("r1", 1, 2);
    }
}
