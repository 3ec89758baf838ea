using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Listing runs and finding runnable ones.</content>
internal sealed partial class RunQueries
{
    /// <summary>
    /// Runnable runs in claim order: pending ones, suspended and parked ones that are due, and running ones without a live lease,
    /// ordered by priority (highest first), then their wake time (or creation time) and creation order. Each branch
    /// reads the claim index in order and stops at the limit.
    /// </summary>
    private const string ClaimableSql = """
        SELECT id FROM (
            SELECT * FROM (
                SELECT id, priority, coalesce(wake_at, created_at) AS due, create_order FROM runs
                WHERE status = 0 AND workflow IN (SELECT value FROM json_each(?1))
                ORDER BY priority DESC, coalesce(wake_at, created_at), create_order LIMIT ?3)
            UNION ALL
            SELECT * FROM (
                SELECT id, priority, coalesce(wake_at, created_at), create_order FROM runs
                WHERE status = 2 AND wake_at IS NOT NULL AND coalesce(wake_at, created_at) <= ?2
                    AND workflow IN (SELECT value FROM json_each(?1))
                ORDER BY priority DESC, coalesce(wake_at, created_at), create_order LIMIT ?3)
            UNION ALL
            SELECT * FROM (
                SELECT id, priority, coalesce(wake_at, created_at), create_order FROM runs
                WHERE status = 7 AND wake_at IS NOT NULL AND coalesce(wake_at, created_at) <= ?2
                    AND workflow IN (SELECT value FROM json_each(?1))
                ORDER BY priority DESC, coalesce(wake_at, created_at), create_order LIMIT ?3)
            UNION ALL
            SELECT * FROM (
                SELECT r.id, r.priority, coalesce(r.wake_at, r.created_at), r.create_order FROM runs r JOIN run_heads h ON h.run_key = r.create_order
                WHERE r.status = 1 AND (h.owner IS NULL OR h.lease_until IS NULL OR h.lease_until < ?2)
                    AND r.workflow IN (SELECT value FROM json_each(?1))
                ORDER BY r.priority DESC, coalesce(r.wake_at, r.created_at), r.create_order LIMIT ?3))
        ORDER BY priority DESC, due, create_order LIMIT ?3
        """;

    /// <summary>Finds the runs a claim would take, in claim order.</summary>
    /// <param name="workflowsJson">The workflow names as a JSON array.</param>
    /// <param name="now">The claim time.</param>
    /// <param name="limit">The most runs.</param>
    /// <returns>Their ids.</returns>
    public List<string> FindClaimable(string workflowsJson, DateTimeOffset now, int limit)
    {
        var ids = new List<string>();
        using var rows = _claimable.Bind(1, workflowsJson).Bind(2, now).Bind(3, (long)limit).Query();
        while (rows.Read())
        {
            ids.Add(rows.GetRequiredString(0));
        }

        return ids;
    }

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The runs, without their waits.</returns>
    public IReadOnlyList<RunRecord> ListRuns(RunQuery query)
    {
        var mask = (query.Status is null ? 0 : 1) | (query.Workflow is null ? 0 : 2) | (query.ParentRunId is null ? 0 : 4) | (query.Owner is null ? 0 : 8) | (query.OnlyWithControlRequest ? 16 : 0)
            | (query.OriginRunId is null ? 0 : 32) | (query.CreatedSince is null ? 0 : 64);
        var statement = _listRuns[mask] ??= new SqliteStatement(_connection, ListRunsSql(mask));
        statement.Bind(1, query.Status is { } status ? (long)status : null)
            .Bind(2, query.Workflow)
            .Bind(3, query.ParentRunId)
            .Bind(4, (long)query.Limit)
            .Bind(5, query.Owner)
            .Bind(6, query.OriginRunId)
            .Bind(7, query.CreatedSince);
        var runs = new List<RunRecord>();
        using var rows = statement.Query();
        while (rows.Read())
        {
            runs.Add(ReadRun(rows));
        }

        return runs;
    }

    private static string ListRunsSql(int mask)
    {
        var where = "1 = 1";
        where += (mask & 1) != 0 ? " AND r.status = ?1" : string.Empty;
        where += (mask & 2) != 0 ? " AND r.workflow = ?2" : string.Empty;
        where += (mask & 4) != 0 ? " AND r.parent_run_id = ?3" : string.Empty;
        where += (mask & 8) != 0 ? " AND h.owner = ?5" : " AND (?5 IS NULL OR 1 = 1)";
        where += (mask & 16) != 0 ? " AND r.control <> 0" : string.Empty;
        where += (mask & 32) != 0 ? " AND r.origin_run_id = ?6" : " AND (?6 IS NULL OR 1 = 1)";
        where += (mask & 64) != 0 ? " AND r.created_at >= ?7" : " AND (?7 IS NULL OR 1 = 1)";

        // Every parameter ?1..?7 appears, so all can be bound whichever filters are used.
        return $"SELECT {RunColumns} WHERE {where} ORDER BY r.created_at DESC, r.create_order DESC LIMIT ?4";
    }
}
