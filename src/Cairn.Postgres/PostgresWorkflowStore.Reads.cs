using Cairn.Journal;
using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>Reads, each on a pooled connection.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var runs = await Reads.GetRunsAsync(connection, null, [runId], cancellationToken).ConfigureAwait(false);
            return runs.Count == 0 ? null : runs[0];
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Reads.ReadEntriesAsync(connection, runId, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await Reads.ListAsync(
            Source,
            "SELECT id, name, payload, at FROM signals WHERE run_id = $1 ORDER BY id",
            rows => new SignalRecord(rows.GetInt64(0), runId, rows.GetString(1), rows.GetStringOrNull(2), rows.GetTime(3)),
            cancellationToken,
            Db.Text(runId)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default) =>
        await Reads.ListAsync(Source, "SELECT DISTINCT owner FROM runs WHERE owner IS NOT NULL ORDER BY owner", rows => rows.GetString(0), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var times = await Reads.ListAsync(
            Source,
            "SELECT min(wake_at) FROM runs WHERE status IN (2, 7) AND wake_at IS NOT NULL AND workflow = ANY($1)",
            rows => rows.GetTimeOrNull(0),
            cancellationToken,
            Db.TextArray(workflows)).ConfigureAwait(false);
        return times[0];
    }

    /// <inheritdoc />
    public async ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        ArgumentNullException.ThrowIfNull(key);
        var values = await Reads.ListAsync(
            Source,
            ScopedStates.Select,
            rows => new ScopedValue(rows.GetStringOrNull(0), rows.GetInt64(1)),
            cancellationToken,
            Db.Int32((int)scope),
            Db.Text(scopeId),
            Db.Text(key)).ConfigureAwait(false);
        return values.Count == 0 ? null : values[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
        {
            return [];
        }

        return await Reads.ListAsync(
            Source,
            $"""
            SELECT {Rows.RunColumns} FROM runs r
            WHERE ($1 IS NULL OR r.status = $1) AND ($2 IS NULL OR r.workflow = $2) AND ($3 IS NULL OR r.parent_run_id = $3)
                AND ($5 IS NULL OR r.owner = $5) AND ($6 IS NULL OR r.origin_run_id = $6) AND ($7 IS NULL OR r.created_at >= $7)
                AND (NOT $8 OR r.control <> 0)
            ORDER BY r.created_at DESC, r.create_order DESC LIMIT $4
            """,
            Rows.ReadRun,
            cancellationToken,
            Db.Int32(query.Status is { } status ? (int)status : null),
            Db.Text(query.Workflow),
            Db.Text(query.ParentRunId),
            Db.Int32(query.Limit),
            Db.Text(query.Owner),
            Db.Text(query.OriginRunId),
            Db.Time(query.CreatedSince),
            Db.Bool(query.OnlyWithControlRequest)).ConfigureAwait(false);
    }
}
