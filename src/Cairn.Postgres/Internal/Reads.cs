using Cairn.Journal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Reads that need more than one row mapping; each runs as one statement, so it sees one snapshot.</summary>
internal static class Reads
{
    /// <summary>A run with its open waits (one row per wait, or one row with null wait columns).</summary>
    private const string RunWithWaitsSql = $"""
        SELECT {Rows.RunColumns}, w.position, w.kind, w.name, w.due_at, w.detail
        FROM runs r LEFT JOIN waits w ON w.run_id = r.id
        WHERE r.id = ANY($1) ORDER BY r.id, w.opened
        """;

    /// <summary>Reads runs with their waits, in the order of <paramref name="ids"/>; unknown ids are left out.</summary>
    public static async Task<List<RunRecord>> GetRunsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = await Db.ListAsync(
            connection,
            transaction,
            RunWithWaitsSql,
            r => (Run: Rows.ReadRun(r), Wait: r.IsDBNull(Rows.RunColumnCount) ? null : Rows.ReadWait(r, Rows.RunColumnCount)),
            cancellationToken,
            Db.TextArray(ids)).ConfigureAwait(false);
        var found = new Dictionary<string, (RunRecord Run, List<WaitRecord> Waits)>(StringComparer.Ordinal);
        foreach (var (run, wait) in rows)
        {
            if (!found.TryGetValue(run.RunId, out var entry))
            {
                entry = (run, []);
                found[run.RunId] = entry;
            }

            if (wait is not null)
            {
                entry.Waits.Add(wait);
            }
        }

        var result = new List<RunRecord>(found.Count);
        foreach (var id in ids)
        {
            if (found.TryGetValue(id, out var entry))
            {
                result.Add(entry.Run with { Waits = entry.Waits });
            }
        }

        return result;
    }

    /// <summary>Reads entries of one journal branch of a run (0 is the live journal), by sequence.</summary>
    public static Task<List<JournalEntry>> ReadEntriesAsync(NpgsqlConnection connection, string runId, int branch, CancellationToken cancellationToken) =>
        Db.ListAsync(
            connection,
            null,
            $"SELECT {Rows.EntryColumns} FROM journal WHERE run_id = $1 AND branch = $2 ORDER BY seq",
            r => Rows.ReadEntry(r),
            cancellationToken,
            Db.Text(runId),
            Db.Int32(branch));

    /// <summary>Reads every row of a query with one mapping, on a pooled connection.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource source, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Db.ListAsync(connection, null, sql, read, cancellationToken, parameters).ConfigureAwait(false);
        }
    }
}
