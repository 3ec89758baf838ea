using Cairn.Storage;

namespace Cairn.Sqlite.Tests;

/// <content>Stores of older schemas are migrated in place and keep their runs.</content>
public sealed partial class SqliteStoreFileTests
{
    [Fact]
    public async Task InitializeAsync_StoreOfSchemaOne_IsMigratedAndKeepsItsRuns()
    {
        var path = _folder.File("v1.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, UndoVersion6 + UndoVersion5 + UndoVersion4 + UndoVersion3 + "DROP TABLE definitions; DELETE FROM cairn_schema WHERE version = 2;");

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            Assert.NotNull(await store.GetRunAsync("r1"));
            var saved = await store.SaveDefinitionAsync(new DefinitionRecord { Name = "etl", Version = 0, Hash = "h", Source = "s", File = "etl.yaml", CreatedAt = DateTimeOffset.UnixEpoch });
            Assert.Equal(1, saved.Version);
        }

        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaTwo_IsMigratedAndItsRunsCanBeRewound()
    {
        var path = _folder.File("v2.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, UndoVersion6 + UndoVersion5 + UndoVersion4 + UndoVersion3);

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            var run = await store.GetRunAsync("r1");
            Assert.Null(run!.Origin);
            Assert.True(await store.RewindRunAsync(new RunRewind
            {
                RunId = "r1",
                ExpectStatus = run.Status,
                ExpectLastSequence = 1,
                KeepThrough = 1,
                Branch = 1,
                At = DateTimeOffset.UnixEpoch,
            }));
            Assert.Single(await store.ReadJournalBranchesAsync("r1"));
        }

        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaThree_IsMigratedAndSharesCircuitBreakers()
    {
        var path = _folder.File("v3.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, UndoVersion6 + UndoVersion5 + UndoVersion4);

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            Assert.NotNull(await store.GetRunAsync("r1"));
            Assert.True(await store.SaveCircuitAsync(new CircuitRecord { Key = "api", State = CircuitState.Open, Failures = 3, Version = 1, UpdatedAt = DateTimeOffset.UnixEpoch }));
        }

        await using (var other = Store(path))
        {
            await other.InitializeAsync();
            Assert.Equal(CircuitState.Open, (await other.GetCircuitAsync("api"))!.State);
        }

        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaFour_IsMigratedAndStoresSnapshotsWithItsOldJournal()
    {
        var path = _folder.File("v4.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, UndoVersion6 + UndoVersion5);

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            Assert.Empty(await store.ListSnapshotsAsync("r1"));
            var journal = await store.ReadJournalAsync("r1");
            var snapshot = new StateSnapshot(journal.Count + 1, 1, """{"state":{},"steps":[]}""", DateTimeOffset.UnixEpoch);
            var entry = new Cairn.Journal.JournalEntry { Sequence = journal.Count + 1, Kind = Cairn.Journal.JournalEntryKind.Checkpoint, Position = "9", Name = "mark", At = DateTimeOffset.UnixEpoch };
            await store.CommitAsync(new RunCommit { RunId = "r1", Entries = [entry], Snapshot = snapshot, At = DateTimeOffset.UnixEpoch });
            Assert.Equal(snapshot, await store.ReadSnapshotAsync("r1", long.MaxValue));
        }

        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaFive_IsMigratedAndClaimsByPriority()
    {
        var path = _folder.File("v5.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, UndoVersion6);

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            Assert.Equal(0, (await store.GetRunAsync("r1"))!.Priority);
            var at = DateTimeOffset.UnixEpoch;
            await store.CreateRunAsync(new NewRun { RunId = "low", Workflow = "w", CreatedAt = at });
            await store.CreateRunAsync(new NewRun { RunId = "high", Workflow = "w", CreatedAt = at.AddSeconds(1), Priority = 2 });
            var claimed = await store.ClaimAsync(new ClaimRequest("host", at.AddSeconds(2), at.AddMinutes(1), 1, ["w"]));
            Assert.Equal("high", Assert.Single(claimed).RunId);
        }

        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
    }

    /// <summary>Turns a store of schema 6 back into one of schema 5.</summary>
    private const string UndoVersion6 = """
        DROP INDEX runs_claim;
        ALTER TABLE runs DROP COLUMN priority;
        CREATE INDEX runs_claim ON runs (status, coalesce(wake_at, created_at), create_order);
        DELETE FROM cairn_schema WHERE version = 6;
        """;

    /// <summary>Turns a store of schema 5 back into one of schema 4.</summary>
    private const string UndoVersion5 = """
        DROP TABLE snapshots;
        DELETE FROM cairn_schema WHERE version = 5;
        """;

    /// <summary>Turns a store of schema 4 back into one of schema 3.</summary>
    private const string UndoVersion4 = """
        DROP TABLE circuits;
        DELETE FROM cairn_schema WHERE version = 4;
        """;

    /// <summary>Turns a store of schema 3 back into one of schema 2.</summary>
    private const string UndoVersion3 = """
        DROP TABLE journal_branches;
        DROP INDEX runs_origin;
        ALTER TABLE runs DROP COLUMN origin_run_id;
        ALTER TABLE runs DROP COLUMN origin_strategy;
        ALTER TABLE runs DROP COLUMN origin_checkpoint;
        ALTER TABLE runs DROP COLUMN origin_sequence;
        DELETE FROM cairn_schema WHERE version = 3;
        """;
}
