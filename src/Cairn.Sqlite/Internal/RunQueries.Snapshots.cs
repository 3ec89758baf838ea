using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Reads of state snapshots.</content>
internal sealed partial class RunQueries
{
    /// <summary>Reads the snapshot with the highest sequence at or before a position.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="atOrBefore">The highest sequence.</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    public StateSnapshot? ReadSnapshot(string runId, long atOrBefore)
    {
        using var one = new SqliteStatement(_connection, SnapshotRows.SelectNearest);
        using var rows = one.Bind(1, runId).Bind(2, atOrBefore).Query();
        return rows.Read() ? SnapshotRows.Read(rows) : null;
    }

    /// <summary>Lists a run's snapshots by sequence.</summary>
    /// <param name="runId">The run.</param>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<StateSnapshot> ListSnapshots(string runId)
    {
        using var all = new SqliteStatement(_connection, SnapshotRows.SelectAll);
        using var rows = all.Bind(1, runId).Query();
        var list = new List<StateSnapshot>();
        while (rows.Read())
        {
            list.Add(SnapshotRows.Read(rows));
        }

        return list;
    }
}
