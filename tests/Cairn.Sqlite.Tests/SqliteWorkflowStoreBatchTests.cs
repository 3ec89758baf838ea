using Cairn.Journal;
using Cairn.Storage;
using Microsoft.Data.Sqlite;

namespace Cairn.Sqlite.Tests;

/// <summary>Group commit: a commit that fails inside a shared transaction fails alone.</summary>
public sealed class SqliteWorkflowStoreBatchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private SqliteWorkflowStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = _folder.File("cairn.db") });
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task CommitAsync_WriteFailsAfterTheCommitsFirstWrites_OnlyThatCommitFailsAndNothingOfItIsKept()
    {
        for (var i = 0; i < 30; i++)
        {
            await _store.CreateRunAsync(new NewRun { RunId = "r" + i, Workflow = "w", CreatedAt = T0 });
        }

        // A wait without a name violates a NOT NULL column after the commit's entry was inserted.
        async Task<CommitResult> Commit(int i) => await _store.CommitAsync(new RunCommit
        {
            RunId = "r" + i,
            Entries = [new JournalEntry { Sequence = 2, Kind = JournalEntryKind.WaitStarted, At = T0 }],
            OpenWaits = [new WaitRecord("2", WaitKind.Event, i == 13 ? null! : "go", null, null)],
            Status = RunStatus.Suspended,
            At = T0,
        });
        var commits = Enumerable.Range(0, 30).Select(Commit).ToArray();
        await Task.WhenAll(commits.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.IsType<SqliteException>(commits[13].Exception?.InnerException);
        var failed = await _store.GetRunAsync("r13");
        Assert.Equal(RunStatus.Pending, failed!.Status);
        Assert.Empty(failed.Waits);
        Assert.Equal([1], (await _store.ReadJournalAsync("r13")).Select(e => e.Sequence));
        foreach (var i in Enumerable.Range(0, 30).Where(i => i != 13))
        {
            Assert.Equal(CommitOutcome.Committed, (await commits[i]).Outcome);
            Assert.Equal([1, 2], (await _store.ReadJournalAsync("r" + i)).Select(e => e.Sequence));
            Assert.Equal(RunStatus.Suspended, (await _store.GetRunAsync("r" + i))!.Status);
        }

        // The run whose commit failed can still be committed.
        await _store.CommitAsync(new RunCommit { RunId = "r13", Entries = [new JournalEntry { Sequence = 2, Kind = JournalEntryKind.Checkpoint, At = T0 }], At = T0 });
        Assert.Equal([1, 2], (await _store.ReadJournalAsync("r13")).Select(e => e.Sequence));
    }

    [Fact]
    public async Task CommitAsync_CancelledWhileWaiting_StillAppliesOnceHandedOver()
    {
        await _store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 });
        using var cancel = new CancellationTokenSource();

        var commit = _store.CommitAsync(new RunCommit { RunId = "r1", Entries = [new JournalEntry { Sequence = 2, Kind = JournalEntryKind.Checkpoint, At = T0 }], At = T0 }, cancel.Token);
        await cancel.CancelAsync();
        try
        {
            await commit;
        }
        catch (OperationCanceledException)
        {
        }

        // Whether the caller saw the result or not, the commit applies exactly once: the next sequence is 3.
        await _store.CommitAsync(new RunCommit { RunId = "r1", Entries = [new JournalEntry { Sequence = 3, Kind = JournalEntryKind.Checkpoint, At = T0 }], At = T0 });
        Assert.Equal([1, 2, 3], (await _store.ReadJournalAsync("r1")).Select(e => e.Sequence));
    }
}
