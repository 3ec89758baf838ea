using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Status, wake time, output, error and control requests.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_StatusChange_SetsStatusUpdatedAtAndWakeAt()
    {
        await CreateClaimedAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Entries = [Entry(2, JournalEntryKind.WaitStarted)], Status = RunStatus.Suspended, WakeAt = At(60), At = At(2) });

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Suspended, record.Status);
        Assert.Equal(At(2), record.UpdatedAt);
        Assert.Equal(At(60), record.WakeAt);
        Assert.Equal(T0, record.CreatedAt);
    }

    [Fact]
    public async Task CommitAsync_Completed_StoresTheOutput()
    {
        await CreateClaimedAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Entries = [Entry(2, JournalEntryKind.RunCompleted)], Status = RunStatus.Completed, Output = """{"ok":true}""", Release = true, At = At(2) });

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Completed, record.Status);
        Assert.Equal("""{"ok":true}""", record.Output);
        Assert.Null(record.Error);
    }

    [Fact]
    public async Task CommitAsync_Failed_StoresTheError()
    {
        await CreateAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = RunStatus.Failed, Error = """{"type":"X","message":"boom"}""", At = At(2) });

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Failed, record.Status);
        Assert.Equal("""{"type":"X","message":"boom"}""", record.Error);
        Assert.Null(record.Output);
    }

    [Fact]
    public async Task CommitAsync_StatusChangeWithoutOutput_KeepsTheEarlierOutputAndError()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = RunStatus.Failed, Error = "\"e\"", Output = "\"o\"", At = At(2) });

        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = RunStatus.Pending, At = At(3) });

        var record = await GetAsync("r1");
        Assert.Equal("\"o\"", record.Output);
        Assert.Equal("\"e\"", record.Error);
    }

    [Fact]
    public async Task CommitAsync_WithoutStatus_KeepsUpdatedAtWakeAtOutputAndError()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(50));

        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(3)], WakeAt = At(99), Output = "\"ignored\"", Error = "\"ignored\"", At = At(3) });

        var record = await GetAsync("r1");
        Assert.Equal(RunStatus.Suspended, record.Status);
        Assert.Equal(At(2), record.UpdatedAt);
        Assert.Equal(At(50), record.WakeAt);
        Assert.Null(record.Output);
        Assert.Null(record.Error);
    }

    [Fact]
    public async Task CommitAsync_StatusChangeWithoutWakeAt_ClearsTheWakeTime()
    {
        await CreateAsync("r1");
        await SuspendAsync("r1", 2, At(50));

        await Store.CommitAsync(new RunCommit { RunId = "r1", Status = RunStatus.Paused, At = At(3) });

        Assert.Null((await GetAsync("r1")).WakeAt);
    }

    [Fact]
    public async Task CommitAsync_SetControl_RecordsTheRequest()
    {
        await CreateClaimedAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", SetControl = RunControl.Pause, At = At(2) });

        var record = await GetAsync("r1");
        Assert.Equal(RunControl.Pause, record.Control);
        Assert.Equal(RunStatus.Running, record.Status);
        Assert.Equal(At(1), record.UpdatedAt);
    }

    [Fact]
    public async Task CommitAsync_ClearControl_RemovesTheRequest()
    {
        await CreateClaimedAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", SetControl = RunControl.Cancel, At = At(2) });

        await Store.CommitAsync(new RunCommit { RunId = "r1", Owner = Owner, Entries = [Entry(2, JournalEntryKind.RunCancelled)], ClearControl = true, Status = RunStatus.Cancelled, Release = true, At = At(3) });

        var record = await GetAsync("r1");
        Assert.Equal(RunControl.None, record.Control);
        Assert.Equal(RunStatus.Cancelled, record.Status);
    }

    [Fact]
    public async Task CommitAsync_SetAndClearControlTogether_LeavesNoRequest()
    {
        await CreateAsync("r1");

        await Store.CommitAsync(new RunCommit { RunId = "r1", SetControl = RunControl.Pause, ClearControl = true, At = At(2) });

        Assert.Equal(RunControl.None, (await GetAsync("r1")).Control);
    }

    [Fact]
    public async Task CommitAsync_FinishedRun_StillAcceptsACommit()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(2, JournalEntryKind.RunCompleted)], Status = RunStatus.Completed, Output = "1", At = At(2) });

        var result = await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(0, JournalEntryKind.Checkpoint)], At = At(3) });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        await AssertSequencesAsync("r1", 1, 2, 3);
    }
}
