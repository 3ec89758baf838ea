using Cairn.Journal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Column lists and row mappings shared by the store's reads and writes.</summary>
internal static class Rows
{
    /// <summary>The columns <see cref="ReadRun"/> maps, for a <c>runs</c> row aliased <c>r</c>.</summary>
    public const string RunColumns = """
        r.id, r.workflow, r.version, r.status, r.input, r.output, r.error, r.session_id, r.user_id,
        r.parent_run_id, r.parent_position, r.created_at, r.updated_at, r.wake_at, r.owner, r.lease_until, r.control,
        r.origin_run_id, r.origin_strategy, r.origin_checkpoint, r.origin_sequence, r.priority
        """;

    /// <summary>The number of columns in <see cref="RunColumns"/>.</summary>
    public const int RunColumnCount = 22;

    /// <summary>The columns <see cref="ReadEntry"/> maps.</summary>
    public const string EntryColumns = "seq, kind, position, name, payload, attempt, at, started_at";

    public const string WaitColumns = "position, kind, name, due_at, detail";

    public const string CircuitColumns = "key, state, failures, until, trials, openings, version, updated_at";

    public const string SnapshotColumns = "seq, checkpoint, payload, at";

    public const string DefinitionColumns = "name, version, hash, source, file, created_at";

    public const string InsertEntry = """
        INSERT INTO journal (run_id, branch, seq, kind, position, name, payload, attempt, at, started_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    public static RunRecord ReadRun(NpgsqlDataReader rows) => new()
    {
        RunId = rows.GetString(0),
        Workflow = rows.GetString(1),
        Version = rows.GetInt32(2),
        Status = (RunStatus)rows.GetInt32(3),
        Input = rows.GetStringOrNull(4),
        Output = rows.GetStringOrNull(5),
        Error = rows.GetStringOrNull(6),
        SessionId = rows.GetStringOrNull(7),
        UserId = rows.GetStringOrNull(8),
        ParentRunId = rows.GetStringOrNull(9),
        ParentPosition = rows.GetStringOrNull(10),
        CreatedAt = rows.GetTime(11),
        UpdatedAt = rows.GetTime(12),
        WakeAt = rows.GetTimeOrNull(13),
        Owner = rows.GetStringOrNull(14),
        LeaseUntil = rows.GetTimeOrNull(15),
        Control = (RunControl)rows.GetInt32(16),
        Priority = rows.GetInt32(21),
        Origin = rows.GetStringOrNull(17) is { } originRunId
            ? new RunOrigin(
                originRunId,
                ResumeStrategyNames.TryParse(rows.GetStringOrNull(18), out var strategy) ? strategy : ResumeStrategy.Restart,
                rows.GetInt32OrNull(19),
                rows.GetInt64OrNull(20))
            : null,
    };

    public static JournalEntry ReadEntry(NpgsqlDataReader rows, int first = 0) => new()
    {
        Sequence = rows.GetInt64(first),
        Kind = (JournalEntryKind)rows.GetInt32(first + 1),
        Position = rows.GetStringOrNull(first + 2),
        Name = rows.GetStringOrNull(first + 3),
        Payload = rows.GetStringOrNull(first + 4),
        Attempt = rows.GetInt32(first + 5),
        At = rows.GetTime(first + 6),
        StartedAt = rows.GetTimeOrNull(first + 7),
    };

    public static WaitRecord ReadWait(NpgsqlDataReader rows, int first = 0) =>
        new(rows.GetString(first), (WaitKind)rows.GetInt32(first + 1), rows.GetString(first + 2), rows.GetTimeOrNull(first + 3), rows.GetStringOrNull(first + 4));

    public static CircuitRecord ReadCircuit(NpgsqlDataReader rows) => new()
    {
        Key = rows.GetString(0),
        State = (CircuitState)rows.GetInt32(1),
        Failures = rows.GetInt32(2),
        Until = rows.GetTimeOrNull(3),
        Trials = rows.GetInt32(4),
        Openings = rows.GetInt64(5),
        Version = rows.GetInt64(6),
        UpdatedAt = rows.GetTime(7),
    };

    public static StateSnapshot ReadSnapshot(NpgsqlDataReader rows) =>
        new(rows.GetInt64(0), rows.GetInt32(1), rows.GetString(2), rows.GetTime(3));

    public static DefinitionRecord ReadDefinition(NpgsqlDataReader rows) => new()
    {
        Name = rows.GetString(0),
        Version = rows.GetInt32(1),
        Hash = rows.GetString(2),
        Source = rows.GetString(3),
        File = rows.GetString(4),
        CreatedAt = rows.GetTime(5),
    };

    /// <summary>The insert of one journal entry, for a batch.</summary>
    public static NpgsqlBatchCommand EntryInsert(string runId, int branch, long sequence, JournalEntry entry) =>
        Db.BatchCommand(
            InsertEntry,
            Db.Text(runId),
            Db.Int32(branch),
            Db.Int64(sequence),
            Db.Int32((int)entry.Kind),
            Db.Text(entry.Position),
            Db.Text(entry.Name),
            Db.Json(entry.Payload),
            Db.Int32(entry.Attempt),
            Db.Time(entry.At),
            Db.Time(entry.StartedAt));
}
