using Cairn.Journal;
using Cairn.Storage;
using Microsoft.Data.Sqlite;

namespace Cairn.Sqlite.Internal;

/// <summary>The store's reads, prepared once on one connection. Callers group several reads in a transaction when they must agree.</summary>
internal sealed partial class RunQueries : IDisposable
{
    private const string RunColumns = """
        r.id, r.workflow, r.version, r.status, r.input, r.output, r.error, r.session_id, r.user_id,
        r.parent_run_id, r.parent_position, r.created_at, r.updated_at, r.wake_at, h.owner, h.lease_until, r.control,
        r.origin_run_id, r.origin_strategy, r.origin_checkpoint, r.origin_sequence, r.priority
        FROM runs r JOIN run_heads h ON h.run_key = r.create_order
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteStatement _getRun;
    private readonly SqliteStatement _getWaits;
    private readonly SqliteStatement _readJournal;
    private readonly SqliteStatement _readSignals;
    private readonly SqliteStatement _listOwners;
    private readonly SqliteStatement _nextWake;
    private readonly SqliteStatement _scopedState;
    private readonly SqliteStatement _claimable;
    private readonly SqliteStatement?[] _listRuns = new SqliteStatement?[128];

    /// <summary>Initializes a new instance of the <see cref="RunQueries"/> class.</summary>
    /// <param name="connection">An open connection, used by one thread at a time.</param>
    public RunQueries(SqliteConnection connection)
    {
        _connection = connection;
        _getRun = new(connection, $"SELECT {RunColumns} WHERE r.id = ?1");
        _getWaits = new(connection, "SELECT position, kind, name, due_at, detail FROM waits WHERE run_id = ?1 ORDER BY rowid");
        _readJournal = new(connection, """
            WITH RECURSIVE chain (prev, seq, kind, position, name, payload, attempt, at, started_at) AS (
                SELECT j.prev, j.seq, j.kind, j.position, j.name, j.payload, j.attempt, j.at, j.started_at
                FROM run_heads h JOIN journal j ON j.id = h.last_entry WHERE h.run_id = ?1
                UNION ALL
                SELECT j.prev, j.seq, j.kind, j.position, j.name, j.payload, j.attempt, j.at, j.started_at
                FROM chain c JOIN journal j ON j.id = c.prev)
            SELECT seq, kind, position, name, payload, attempt, at, started_at FROM chain
            """);
        _readSignals = new(connection, "SELECT id, name, payload, at FROM signals WHERE run_id = ?1 ORDER BY id");
        _listOwners = new(connection, "SELECT DISTINCT owner FROM run_heads WHERE owner IS NOT NULL");
        _nextWake = new(connection, """
            SELECT min(due) FROM (
                SELECT * FROM (
                    SELECT coalesce(wake_at, created_at) AS due FROM runs
                    WHERE status = 2 AND wake_at IS NOT NULL AND workflow IN (SELECT value FROM json_each(?1))
                    ORDER BY coalesce(wake_at, created_at) LIMIT 1)
                UNION ALL
                SELECT * FROM (
                    SELECT coalesce(wake_at, created_at) FROM runs
                    WHERE status = 7 AND wake_at IS NOT NULL AND workflow IN (SELECT value FROM json_each(?1))
                    ORDER BY coalesce(wake_at, created_at) LIMIT 1))
            """);
        _scopedState = new(connection, "SELECT value, version FROM scoped_state WHERE scope = ?1 AND scope_id = ?2 AND key = ?3");
        _claimable = new(connection, ClaimableSql);
    }

    /// <summary>Reads a run with its open waits.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The run, or <see langword="null"/>.</returns>
    public RunRecord? GetRun(string runId)
    {
        RunRecord run;
        using (var rows = _getRun.Bind(1, runId).Query())
        {
            if (!rows.Read())
            {
                return null;
            }

            run = ReadRun(rows);
        }

        return run with { Waits = GetWaits(runId) };
    }

    /// <summary>Reads a run's journal in sequence order.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The entries; empty for an unknown run.</returns>
    public IReadOnlyList<JournalEntry> ReadJournal(string runId)
    {
        var entries = new List<JournalEntry>();
        using (var rows = _readJournal.Bind(1, runId).Query())
        {
            while (rows.Read())
            {
                entries.Add(ReadEntry(rows));
            }
        }

        // The chain is walked from the newest entry back to the first.
        entries.Reverse();
        return entries;
    }

    /// <summary>Reads a run's unconsumed signals, oldest first.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The signals.</returns>
    public IReadOnlyList<SignalRecord> ReadSignals(string runId)
    {
        var signals = new List<SignalRecord>();
        using var rows = _readSignals.Bind(1, runId).Query();
        while (rows.Read())
        {
            signals.Add(new SignalRecord(rows.GetInt64(0), runId, rows.GetRequiredString(1), rows.GetString(2), rows.GetTime(3)));
        }

        return signals;
    }

    /// <summary>Lists the owners holding runs.</summary>
    /// <returns>Distinct owner ids.</returns>
    public IReadOnlyList<string> ListOwners()
    {
        var owners = new List<string>();
        using var rows = _listOwners.Query();
        while (rows.Read())
        {
            owners.Add(rows.GetRequiredString(0));
        }

        return owners;
    }

    /// <summary>Returns the earliest wake time of suspended and parked runs of the given workflows.</summary>
    /// <param name="workflowsJson">The workflow names as a JSON array.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    public DateTimeOffset? GetNextWake(string workflowsJson)
    {
        using var rows = _nextWake.Bind(1, workflowsJson).Query();
        return rows.Read() ? rows.GetTimeOrNull(0) : null;
    }

    /// <summary>Reads a session- or user-scoped state value.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="scopeId">The scope id.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when never written.</returns>
    public ScopedValue? GetScopedState(StateScope scope, string scopeId, string key)
    {
        using var rows = _scopedState.Bind(1, (long)scope).Bind(2, scopeId).Bind(3, key).Query();
        return rows.Read() ? new ScopedValue(rows.GetString(0), rows.GetInt64(1)) : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _getRun.Dispose();
        _getWaits.Dispose();
        _readJournal.Dispose();
        _readSignals.Dispose();
        _listOwners.Dispose();
        _nextWake.Dispose();
        _scopedState.Dispose();
        _claimable.Dispose();
        foreach (var statement in _listRuns)
        {
            statement?.Dispose();
        }
    }

    private static RunRecord ReadRun(SqliteRowReader rows) => new()
    {
        RunId = rows.GetRequiredString(0),
        Workflow = rows.GetRequiredString(1),
        Version = (int)rows.GetInt64(2),
        Status = (RunStatus)rows.GetInt64(3),
        Input = rows.GetString(4),
        Output = rows.GetString(5),
        Error = rows.GetString(6),
        SessionId = rows.GetString(7),
        UserId = rows.GetString(8),
        ParentRunId = rows.GetString(9),
        ParentPosition = rows.GetString(10),
        CreatedAt = rows.GetTime(11),
        UpdatedAt = rows.GetTime(12),
        WakeAt = rows.GetTimeOrNull(13),
        Owner = rows.GetString(14),
        LeaseUntil = rows.GetTimeOrNull(15),
        Control = (RunControl)rows.GetInt64(16),
        Origin = ReadOrigin(rows, 17),
        Priority = (int)rows.GetInt64(21),
    };

    private static RunOrigin? ReadOrigin(SqliteRowReader rows, int first) =>
        rows.GetString(first) is { } originRunId
            ? new RunOrigin(
                originRunId,
                ResumeStrategyNames.TryParse(rows.GetString(first + 1), out var strategy) ? strategy : ResumeStrategy.Restart,
                rows.GetInt64OrNull(first + 2) is { } checkpoint ? (int)checkpoint : null,
                rows.GetInt64OrNull(first + 3))
            : null;

    /// <summary>Maps the columns <c>seq, kind, position, name, payload, attempt, at, started_at</c>.</summary>
    private static JournalEntry ReadEntry(SqliteRowReader rows) => new()
    {
        Sequence = rows.GetInt64(0),
        Kind = (JournalEntryKind)rows.GetInt64(1),
        Position = rows.GetString(2),
        Name = rows.GetString(3),
        Payload = rows.GetString(4),
        Attempt = (int)rows.GetInt64(5),
        At = rows.GetTime(6),
        StartedAt = rows.GetTimeOrNull(7),
    };

    private List<WaitRecord> GetWaits(string runId)
    {
        var waits = new List<WaitRecord>();
        using var rows = _getWaits.Bind(1, runId).Query();
        while (rows.Read())
        {
            waits.Add(new WaitRecord(rows.GetRequiredString(0), (WaitKind)rows.GetInt64(1), rows.GetRequiredString(2), rows.GetTimeOrNull(3), rows.GetString(4)));
        }

        return waits;
    }
}
