using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <summary>The SQL and row mapping of the <c>snapshots</c> table, shared by the reader and the writer.</summary>
internal static class SnapshotRows
{
    public const string Columns = "seq, checkpoint, payload, at";

    /// <summary>?1 run, ?2 highest sequence.</summary>
    public const string SelectNearest = $"SELECT {Columns} FROM snapshots WHERE run_id = ?1 AND seq <= ?2 ORDER BY seq DESC LIMIT 1";

    public const string SelectAll = $"SELECT {Columns} FROM snapshots WHERE run_id = ?1 ORDER BY seq";

    public const string Insert = "INSERT OR REPLACE INTO snapshots (run_id, seq, checkpoint, payload, at) VALUES (?1, ?2, ?3, ?4, ?5)";

    /// <summary>?1 run, ?2 how many of the newest to keep.</summary>
    public const string Thin = """
        DELETE FROM snapshots WHERE run_id = ?1 AND seq NOT IN (
            SELECT seq FROM snapshots WHERE run_id = ?1 ORDER BY seq DESC LIMIT ?2)
        """;

    public static SqliteStatement BindAll(SqliteStatement statement, string runId, StateSnapshot s) =>
        statement.Bind(1, runId).Bind(2, s.Sequence).Bind(3, (long)s.Checkpoint).Bind(4, s.Payload).Bind(5, s.At);

    public static StateSnapshot Read(SqliteRowReader rows) =>
        new(rows.GetInt64(0), (int)rows.GetInt64(1), rows.GetRequiredString(2), rows.GetTime(3));
}
