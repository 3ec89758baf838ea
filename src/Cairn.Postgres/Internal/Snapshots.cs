using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>The SQL of the <c>snapshots</c> table, shared by commits and the store's own calls.</summary>
internal static class Snapshots
{
    /// <summary>$1 run, $2 highest sequence.</summary>
    public const string SelectNearest = $"SELECT {Rows.SnapshotColumns} FROM snapshots WHERE run_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1";

    public const string SelectAll = $"SELECT {Rows.SnapshotColumns} FROM snapshots WHERE run_id = $1 ORDER BY seq";

    /// <summary>$1 run, $2 how many of the newest to keep.</summary>
    public const string ThinSql = """
        DELETE FROM snapshots WHERE run_id = $1 AND seq NOT IN (
            SELECT seq FROM snapshots WHERE run_id = $1 ORDER BY seq DESC LIMIT $2)
        """;

    public static NpgsqlBatchCommand Insert(string runId, StateSnapshot snapshot) => Db.BatchCommand(
        """
        INSERT INTO snapshots (run_id, seq, checkpoint, payload, at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (run_id, seq) DO UPDATE SET checkpoint = excluded.checkpoint, payload = excluded.payload, at = excluded.at
        """,
        Db.Text(runId),
        Db.Int64(snapshot.Sequence),
        Db.Int32(snapshot.Checkpoint),
        Db.Json(snapshot.Payload),
        Db.Time(snapshot.At));

    public static NpgsqlBatchCommand Thin(string runId, int keepLast) => Db.BatchCommand(ThinSql, Db.Text(runId), Db.Int64(keepLast));
}
