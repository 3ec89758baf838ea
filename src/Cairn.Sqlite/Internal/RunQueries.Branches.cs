using Cairn.Journal;

namespace Cairn.Sqlite.Internal;

/// <content>Archived journal branches; rare reads, so their statements are prepared per call.</content>
internal sealed partial class RunQueries
{
    /// <summary>Walks a chain of entries back from <c>?1</c> while their sequence is above <c>?2</c>.</summary>
    public const string ChainSql = """
        WITH RECURSIVE chain (prev, seq, kind, position, name, payload, attempt, at, started_at) AS (
            SELECT j.prev, j.seq, j.kind, j.position, j.name, j.payload, j.attempt, j.at, j.started_at
            FROM journal j WHERE j.id = ?1 AND j.seq > ?2
            UNION ALL
            SELECT j.prev, j.seq, j.kind, j.position, j.name, j.payload, j.attempt, j.at, j.started_at
            FROM chain c JOIN journal j ON j.id = c.prev WHERE j.seq > ?2)
        SELECT seq, kind, position, name, payload, attempt, at, started_at FROM chain
        """;

    /// <summary>Reads a run's archived branches with their entries.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The branches by number.</returns>
    public IReadOnlyList<JournalBranch> ReadBranches(string runId)
    {
        var rows = new List<(int Number, long After, long? Last, DateTimeOffset At, string? Reason)>();
        using (var list = new SqliteStatement(_connection, "SELECT number, after_seq, last_entry, archived_at, reason FROM journal_branches WHERE run_id = ?1 ORDER BY number"))
        {
            using var read = list.Bind(1, runId).Query();
            while (read.Read())
            {
                rows.Add(((int)read.GetInt64(0), read.GetInt64(1), read.GetInt64OrNull(2), read.GetTime(3), read.GetString(4)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        using var chain = new SqliteStatement(_connection, ChainSql);
        return rows.Select(b => new JournalBranch
        {
            Number = b.Number,
            AfterSequence = b.After,
            ArchivedAt = b.At,
            Reason = b.Reason,
            Entries = b.Last is { } last ? ReadChain(chain, last, b.After) : [],
        }).ToList();
    }

    private static List<JournalEntry> ReadChain(SqliteStatement chain, long lastEntry, long afterSequence)
    {
        var entries = new List<JournalEntry>();
        using (var rows = chain.Bind(1, lastEntry).Bind(2, afterSequence).Query())
        {
            while (rows.Read())
            {
                entries.Add(ReadEntry(rows));
            }
        }

        entries.Reverse();
        return entries;
    }
}
