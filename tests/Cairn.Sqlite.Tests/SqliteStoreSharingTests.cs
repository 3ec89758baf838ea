using Cairn.Journal;
using Cairn.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cairn.Sqlite.Tests;

/// <summary>A store file outlives its store objects and is shared by several of them (as by several processes).</summary>
public sealed class SqliteStoreSharingTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(SqliteDurability.Full)]
    [InlineData(SqliteDurability.Normal)]
    public async Task InitializeAsync_ReopenedStore_KeepsEverything(SqliteDurability durability)
    {
        var path = _folder.File("cairn.db");
        WaitRecord wait = new("3", WaitKind.Question, "question:ok", T0.AddHours(1), """{"text":"OK?"}""");
        await using (var first = await OpenAsync(path, durability))
        {
            await first.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", Input = "1", SessionId = "s1", CreatedAt = T0 });
            await first.ClaimAsync(new ClaimRequest("host-a", T0, T0.AddMinutes(1), 10, ["w"]));
            await first.CommitAsync(new RunCommit
            {
                RunId = "r1",
                Owner = "host-a",
                Entries = [Entry(2), Entry(3, JournalEntryKind.WaitStarted)],
                StateWrite = new ScopedStateWrite(StateScope.Session, "s1", "k", "\"v\"", 0),
                OpenWaits = [wait],
                Status = RunStatus.Suspended,
                WakeAt = T0.AddHours(1),
                Release = true,
                At = T0.AddSeconds(3),
            });
            await first.SendSignalAsync("r1", "note", "\"hi\"", false, T0.AddSeconds(4));
        }

        await using var second = await OpenAsync(path, durability);

        var run = await second.GetRunAsync("r1");
        Assert.NotNull(run);
        Assert.Equal((RunStatus.Suspended, T0.AddHours(1), (string?)null, T0.AddSeconds(3)), (run.Status, run.WakeAt, run.Owner, run.UpdatedAt));
        Assert.Equal([wait], run.Waits);
        Assert.Equal([1, 2, 3], (await second.ReadJournalAsync("r1")).Select(e => e.Sequence));
        Assert.Equal(new ScopedValue("\"v\"", 1), await second.GetScopedStateAsync(StateScope.Session, "s1", "k"));
        Assert.Equal(["note"], (await second.ReadSignalsAsync("r1")).Select(s => s.Name));
        Assert.Equal(T0.AddHours(1), await second.GetNextWakeAsync(["w"]));

        await second.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(4)], At = T0.AddSeconds(5) });
        Assert.Equal([1, 2, 3, 4], (await second.ReadJournalAsync("r1")).Select(e => e.Sequence));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_SeeEachOthersWrites()
    {
        var path = _folder.File("cairn.db");
        await using var a = await OpenAsync(path);
        await using var b = await OpenAsync(path);

        await a.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 });
        var claimed = await b.ClaimAsync(new ClaimRequest("host-b", T0, T0.AddMinutes(1), 10, ["w"]));
        await b.CommitAsync(new RunCommit { RunId = "r1", Owner = "host-b", Entries = [Entry(2)], At = T0 });

        Assert.Equal(["r1"], claimed.Select(r => r.RunId));
        Assert.Equal("host-b", (await a.GetRunAsync("r1"))!.Owner);
        Assert.Equal([1, 2], (await a.ReadJournalAsync("r1")).Select(e => e.Sequence));
        Assert.False(await b.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 }));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_RefuseCommitsBuiltOnAnOutdatedJournal()
    {
        var path = _folder.File("cairn.db");
        await using var a = await OpenAsync(path);
        await using var b = await OpenAsync(path);
        await a.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 });
        await a.ClaimAsync(new ClaimRequest("host-a", T0, T0.AddMinutes(1), 10, ["w"]));
        await a.CommitAsync(new RunCommit { RunId = "r1", Owner = "host-a", Entries = [Entry(2)], At = T0 });

        // The lease runs out; the other store's host takes the run over and appends.
        var later = T0.AddMinutes(2);
        Assert.Single(await b.ClaimAsync(new ClaimRequest("host-b", later, later.AddMinutes(1), 10, ["w"])));
        await b.CommitAsync(new RunCommit { RunId = "r1", Owner = "host-b", Entries = [Entry(3, name: "from-b")], At = later });

        await Assert.ThrowsAsync<RunOwnershipLostException>(() => a.CommitAsync(new RunCommit { RunId = "r1", Owner = "host-a", Entries = [Entry(3)], At = later }).AsTask());
        await Assert.ThrowsAsync<RunOwnershipLostException>(() => a.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(3)], At = later }).AsTask());
        await a.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(4)], At = later });

        var journal = await b.ReadJournalAsync("r1");
        Assert.Equal([1, 2, 3, 4], journal.Select(e => e.Sequence));
        Assert.Equal("from-b", journal[2].Name);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_CommittingAtOnce_LoseNothing()
    {
        var path = _folder.File("cairn.db");
        await using var a = await OpenAsync(path);
        await using var b = await OpenAsync(path);
        for (var i = 0; i < 20; i++)
        {
            await a.CreateRunAsync(new NewRun { RunId = "r" + i, Workflow = "w", CreatedAt = T0 });
        }

        async Task Steps(IWorkflowStore store, int run)
        {
            for (var s = 2; s <= 30; s++)
            {
                await store.CommitAsync(new RunCommit { RunId = "r" + run, Entries = [Entry(s)], At = T0 });
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Steps(i % 2 == 0 ? a : b, i))));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(Enumerable.Range(1, 30).Select(s => (long)s), (await (i % 3 == 0 ? a : b).ReadJournalAsync("r" + i)).Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task CreateRunAsync_AnotherConnectionHoldsTheWriteLockPastTheBusyTimeout_ThrowsBusyAndWritesNothing()
    {
        var path = _folder.File("cairn.db");
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path, BusyTimeout = TimeSpan.Zero });
        await store.InitializeAsync();
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<SqliteException>(
            () => store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 }).AsTask());

        Assert.Equal(raw.SQLITE_BUSY, error.SqliteErrorCode);
        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Assert.Null(await store.GetRunAsync("r1"));
        Assert.True(await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = T0 }));
    }

    private static async Task<SqliteWorkflowStore> OpenAsync(string path, SqliteDurability durability = SqliteDurability.Full)
    {
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path, Durability = durability });
        await store.InitializeAsync();
        return store;
    }

    private static JournalEntry Entry(long sequence, JournalEntryKind kind = JournalEntryKind.StepCompleted, string name = "s") =>
        new() { Sequence = sequence, Kind = kind, Position = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = name, Payload = "{}", At = T0.AddSeconds(sequence) };
}
