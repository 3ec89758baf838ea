using Cairn.Journal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Statements shared by commits, rewinds and imports, each added to a batch in order.</summary>
/// <remarks>Status numbers in the SQL are <see cref="RunStatus"/> values (2 = suspended, 7 = parked, 4–6 = finished).</remarks>
internal static class RunWrites
{
    /// <summary>Creates a run with journal entry 1 in one statement; it affects no row when the id exists.</summary>
    private const string CreateRunSql = """
        WITH created AS (
            INSERT INTO runs (id, workflow, version, status, input, session_id, user_id, parent_run_id, parent_position,
                created_at, updated_at, owner, lease_until, last_seq, priority)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, 1, $14)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        INSERT INTO journal (run_id, branch, seq, kind, position, name, payload, attempt, at, started_at)
        SELECT id, 0, 1, $13, NULL, $2, $5, 0, $10, NULL FROM created
        """;

    // $1 run, $2 clear control, $3 control to set, $4 status, $5 commit time, $6 wake time, $7 output, $8 error.
    private const string UpdateRunSql = """
        UPDATE runs SET
            control = CASE WHEN $2 THEN 0 ELSE coalesce($3, control) END,
            status = coalesce($4, status),
            updated_at = CASE WHEN $4 IS NULL THEN updated_at ELSE $5 END,
            wake_at = CASE
                WHEN $4 IS NULL THEN wake_at
                WHEN $4 IN (2, 7) AND EXISTS (
                    SELECT 1 FROM waits w JOIN signals s ON s.run_id = w.run_id AND s.name = w.name WHERE w.run_id = $1) THEN $5
                ELSE $6 END,
            output = CASE WHEN $4 IS NULL THEN output ELSE coalesce($7, output) END,
            error = CASE WHEN $4 IS NULL THEN error ELSE coalesce($8, error) END
        WHERE id = $1
        """;

    /// <summary>Adds the creation of a run: pending, or running and owned when <see cref="NewRun.Owner"/> is set.</summary>
    public static NpgsqlBatchCommand CreateRun(NewRun run) => Db.BatchCommand(
        CreateRunSql,
        Db.Text(run.RunId),
        Db.Text(run.Workflow),
        Db.Int32(run.Version),
        Db.Int32((int)(run.Owner is null ? RunStatus.Pending : RunStatus.Running)),
        Db.Json(run.Input),
        Db.Text(run.SessionId),
        Db.Text(run.UserId),
        Db.Text(run.ParentRunId),
        Db.Text(run.ParentPosition),
        Db.Time(run.CreatedAt),
        Db.Text(run.Owner),
        Db.Time(run.LeaseUntil),
        Db.Int32((int)JournalEntryKind.RunStarted),
        Db.Int32(run.Priority));

    /// <summary>Adds the opening of waits; one at a position that is open already is replaced (and counts as opened last).</summary>
    public static void OpenWaits(NpgsqlBatch batch, string runId, IReadOnlyList<WaitRecord> waits)
    {
        foreach (var wait in waits)
        {
            batch.BatchCommands.Add(Db.BatchCommand("DELETE FROM waits WHERE run_id = $1 AND position = $2", Db.Text(runId), Db.Text(wait.Position)));
            batch.BatchCommands.Add(Db.BatchCommand(
                "INSERT INTO waits (run_id, position, kind, name, due_at, detail) VALUES ($1, $2, $3, $4, $5, $6)",
                Db.Text(runId),
                Db.Text(wait.Position),
                Db.Int32((int)wait.Kind),
                Db.Text(wait.Name),
                Db.Time(wait.DueAt),
                Db.Text(wait.Detail)));
        }
    }

    /// <summary>Adds the delivery of a signal to a run's inbox (unless the run is finished or unknown), waking it when it is suspended or parked and waits for that name.</summary>
    public static void Deliver(NpgsqlBatch batch, OutgoingSignal signal, DateTimeOffset at)
    {
        batch.BatchCommands.Add(Db.BatchCommand(
            "INSERT INTO signals (run_id, name, payload, at) SELECT $1, $2, $3, $4 FROM runs WHERE id = $1 AND status NOT IN (4, 5, 6)",
            Db.Text(signal.RunId),
            Db.Text(signal.Name),
            Db.Json(signal.Payload),
            Db.Time(at)));
        batch.BatchCommands.Add(Db.BatchCommand(
            "UPDATE runs SET wake_at = $3 WHERE id = $1 AND status IN (2, 7) AND EXISTS (SELECT 1 FROM waits WHERE run_id = $1 AND name = $2)",
            Db.Text(signal.RunId),
            Db.Text(signal.Name),
            Db.Time(at)));
    }

    /// <summary>Adds the run-record part of a commit: control, status, wake time, output and error.</summary>
    public static NpgsqlBatchCommand UpdateRun(RunCommit commit) => Db.BatchCommand(
        UpdateRunSql,
        Db.Text(commit.RunId),
        Db.Bool(commit.ClearControl),
        Db.Int32(commit.SetControl is { } control ? (int)control : null),
        Db.Int32(commit.Status is { } status ? (int)status : null),
        Db.Time(commit.At),
        Db.Time(commit.WakeAt),
        Db.Json(commit.Output),
        Db.Json(commit.Error));

    /// <summary>Adds entries to a journal branch, numbered from <paramref name="after"/> + 1.</summary>
    /// <returns>The last sequence.</returns>
    public static long AppendEntries(NpgsqlBatch batch, string runId, int branch, long after, IReadOnlyList<JournalEntry> entries)
    {
        var sequence = after;
        foreach (var entry in entries)
        {
            batch.BatchCommands.Add(Rows.EntryInsert(runId, branch, ++sequence, entry));
        }

        return sequence;
    }
}
