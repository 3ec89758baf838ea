using Microsoft.Data.Sqlite;

namespace Cairn.Sqlite.Internal;

/// <summary>Every statement the writer runs, prepared once on its connection.</summary>
/// <remarks>Status numbers in the SQL are <see cref="Cairn.Storage.RunStatus"/> values (2 = suspended, 4–6 = finished).</remarks>
internal sealed class WriterStatements : IDisposable
{
    private readonly List<SqliteStatement> _all = [];

    /// <summary>Initializes a new instance of the <see cref="WriterStatements"/> class.</summary>
    /// <param name="connection">The writer's connection.</param>
    public WriterStatements(SqliteConnection connection)
    {
        SqliteStatement Prepare(string sql)
        {
            var statement = new SqliteStatement(connection, sql);
            _all.Add(statement);
            return statement;
        }

        Begin = Prepare("BEGIN IMMEDIATE");
        Commit = Prepare("COMMIT");
        Rollback = Prepare("ROLLBACK");
        Savepoint = Prepare("SAVEPOINT cairn_commit");
        ReleaseSavepoint = Prepare("RELEASE cairn_commit");
        RollbackToSavepoint = Prepare("ROLLBACK TO cairn_commit");
        MaxEntryId = Prepare("SELECT coalesce(max(id), 0) FROM journal");

        // ?1 run key, ?2 run id, ?3/?4 expected last sequence and entry, ?5/?6 new ones, ?7 owner that must hold the run.
        // It sets no indexed column, so a step maintains no index.
        AdvanceHead = Prepare("""
            UPDATE run_heads SET last_seq = ?5, last_entry = ?6
            WHERE run_key = ?1 AND run_id = ?2 AND last_seq = ?3 AND last_entry = ?4 AND (?7 IS NULL OR owner = ?7)
            """);
        ReleaseHead = Prepare("UPDATE run_heads SET owner = NULL, lease_until = NULL WHERE run_key = ?1");
        ReadHead = Prepare("""
            SELECT r.status, h.owner, h.run_key, h.last_seq, h.last_entry
            FROM runs r JOIN run_heads h ON h.run_key = r.create_order WHERE r.id = ?1
            """);
        InsertEntry = Prepare("""
            INSERT INTO journal (id, run_id, seq, prev, kind, position, name, payload, attempt, at, started_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """);
        InsertRun = Prepare("""
            INSERT INTO runs (id, workflow, version, status, input, session_id, user_id, parent_run_id, parent_position, created_at, updated_at, priority)
            VALUES (?1, ?2, ?3, ?10, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?11) ON CONFLICT (id) DO NOTHING
            """);
        InsertHead = Prepare("INSERT INTO run_heads (run_key, run_id, last_seq, last_entry, owner, lease_until) VALUES (?1, ?2, 1, ?3, ?4, ?5)");
        ReadParent = Prepare("SELECT parent_run_id FROM runs WHERE id = ?1");
        ReadStateVersion = Prepare("SELECT version FROM scoped_state WHERE scope = ?1 AND scope_id = ?2 AND key = ?3");
        WriteState = Prepare("""
            INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (scope, scope_id, key) DO UPDATE SET value = excluded.value, version = excluded.version
            """);
        CloseWait = Prepare("DELETE FROM waits WHERE run_id = ?1 AND position = ?2");
        OpenWait = Prepare("INSERT OR REPLACE INTO waits (run_id, position, kind, name, due_at, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        ConsumeSignal = Prepare("DELETE FROM signals WHERE id = ?1 AND run_id = ?2");

        // ?1 run, ?2 clear control, ?3 control to set, ?4 status, ?5 commit time, ?6 wake time, ?7 output, ?8 error.
        UpdateRun = Prepare("""
            UPDATE runs SET
                control = CASE WHEN ?2 THEN 0 ELSE coalesce(?3, control) END,
                status = coalesce(?4, status),
                updated_at = CASE WHEN ?4 IS NULL THEN updated_at ELSE ?5 END,
                wake_at = CASE
                    WHEN ?4 IS NULL THEN wake_at
                    WHEN ?4 IN (2, 7) AND EXISTS (
                        SELECT 1 FROM waits w JOIN signals s ON s.run_id = w.run_id AND s.name = w.name WHERE w.run_id = ?1) THEN ?5
                    ELSE ?6 END,
                output = CASE WHEN ?4 IS NULL THEN output ELSE coalesce(?7, output) END,
                error = CASE WHEN ?4 IS NULL THEN error ELSE coalesce(?8, error) END
            WHERE id = ?1
            """);
        ReadSignalTarget = Prepare("SELECT status, EXISTS (SELECT 1 FROM waits WHERE run_id = ?1 AND name = ?2) FROM runs WHERE id = ?1");
        InsertSignal = Prepare("INSERT INTO signals (run_id, name, payload, at) VALUES (?1, ?2, ?3, ?4)");
        WakeRun = Prepare("UPDATE runs SET wake_at = ?2 WHERE id = ?1");
        ClaimRun = Prepare("UPDATE runs SET status = 1, wake_at = NULL, updated_at = ?2 WHERE id = ?1");
        ClaimHead = Prepare("UPDATE run_heads SET owner = ?2, lease_until = ?3 WHERE run_id = ?1");
        RenewLeases = Prepare("UPDATE run_heads SET lease_until = ?2 WHERE owner = ?1");
        ReleaseOwner = Prepare("UPDATE run_heads SET owner = NULL, lease_until = NULL WHERE owner = ?1");
        InsertSnapshot = Prepare(SnapshotRows.Insert);
        ThinSnapshots = Prepare(SnapshotRows.Thin);
    }

    public SqliteStatement Begin { get; }

    public SqliteStatement Commit { get; }

    public SqliteStatement Rollback { get; }

    public SqliteStatement Savepoint { get; }

    public SqliteStatement ReleaseSavepoint { get; }

    public SqliteStatement RollbackToSavepoint { get; }

    public SqliteStatement MaxEntryId { get; }

    public SqliteStatement AdvanceHead { get; }

    public SqliteStatement ReleaseHead { get; }

    public SqliteStatement ReadHead { get; }

    public SqliteStatement InsertEntry { get; }

    public SqliteStatement InsertRun { get; }

    public SqliteStatement InsertHead { get; }

    public SqliteStatement ReadParent { get; }

    public SqliteStatement ReadStateVersion { get; }

    public SqliteStatement WriteState { get; }

    public SqliteStatement CloseWait { get; }

    public SqliteStatement OpenWait { get; }

    public SqliteStatement ConsumeSignal { get; }

    public SqliteStatement UpdateRun { get; }

    public SqliteStatement ReadSignalTarget { get; }

    public SqliteStatement InsertSignal { get; }

    public SqliteStatement WakeRun { get; }

    public SqliteStatement ClaimRun { get; }

    public SqliteStatement ClaimHead { get; }

    public SqliteStatement RenewLeases { get; }

    public SqliteStatement ReleaseOwner { get; }

    public SqliteStatement InsertSnapshot { get; }

    public SqliteStatement ThinSnapshots { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }
}
