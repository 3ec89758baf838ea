using Cairn.Journal;
using Cairn.Storage;
using SQLitePCL;

namespace Cairn.Sqlite.Internal;

/// <content>
/// Rewinds, imports and deletion; rare writes, so their statements are prepared per call. A rewind archives a tail
/// without moving it: the branch row keeps the tail's last entry, and the head moves back to the last kept one.
/// </content>
internal sealed partial class StoreWriter
{
    private const string FindEntrySql = """
        WITH RECURSIVE chain (id, prev, seq) AS (
            SELECT id, prev, seq FROM journal WHERE id = ?1
            UNION ALL
            SELECT j.id, j.prev, j.seq FROM chain c JOIN journal j ON j.id = c.prev WHERE c.seq > ?2)
        SELECT id FROM chain WHERE seq = ?2
        """;

    private const string DeleteEntriesSql = """
        DELETE FROM journal WHERE id IN (
            WITH RECURSIVE chain (id, prev) AS (
                SELECT j.id, j.prev FROM journal j WHERE j.id IN (
                    SELECT last_entry FROM run_heads WHERE run_id = ?1
                    UNION SELECT last_entry FROM journal_branches WHERE run_id = ?1 AND last_entry IS NOT NULL)
                UNION
                SELECT j.id, j.prev FROM chain c JOIN journal j ON j.id = c.prev)
            SELECT id FROM chain)
        """;

    /// <summary>Rewinds a run in place when it still meets the rewind's expectations.</summary>
    /// <param name="rewind">The rewind (its numbers checked by the caller).</param>
    /// <returns>Whether it applied.</returns>
    public bool Rewind(RunRewind rewind)
    {
        RunHead head;
        using (var rows = _s.ReadHead.Bind(1, rewind.RunId).Query())
        {
            if (!rows.Read() || (RunStatus)rows.GetInt64(0) != rewind.ExpectStatus || rows.GetString(1) != rewind.ExpectOwner)
            {
                return false;
            }

            head = new RunHead(rows.GetInt64(2), rows.GetInt64(3), rows.GetInt64(4));
        }

        using (var count = new SqliteStatement(_connection, "SELECT count(*) FROM journal_branches WHERE run_id = ?1"))
        {
            if (head.Sequence != rewind.ExpectLastSequence || count.Bind(1, rewind.RunId).ScalarInt64() != rewind.Branch - 1)
            {
                return false;
            }
        }

        var kept = head.Entry;
        if (rewind.KeepThrough < head.Sequence)
        {
            using var find = new SqliteStatement(_connection, FindEntrySql);
            kept = find.Bind(1, head.Entry).Bind(2, rewind.KeepThrough).ScalarInt64()
                ?? throw new InvalidOperationException($"The journal of run '{rewind.RunId}' has no entry {rewind.KeepThrough} in its chain.");
        }

        using (var branch = new SqliteStatement(_connection, "INSERT INTO journal_branches (run_id, number, after_seq, last_entry, archived_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            branch.Bind(1, rewind.RunId).Bind(2, (long)rewind.Branch).Bind(3, rewind.KeepThrough)
                .Bind(4, rewind.KeepThrough < head.Sequence ? head.Entry : null).Bind(5, rewind.At).Bind(6, rewind.Reason).Execute();
        }

        var (sequence, last) = AppendChain(rewind.RunId, rewind.Entries, rewind.KeepThrough, kept);
        using (var move = new SqliteStatement(_connection, "UPDATE run_heads SET last_seq = ?2, last_entry = ?3, owner = NULL, lease_until = NULL WHERE run_key = ?1"))
        {
            move.Bind(1, head.Key).Bind(2, sequence).Bind(3, last).Execute();
        }

        using (var reset = new SqliteStatement(_connection, """
            UPDATE runs SET status = ?2, updated_at = ?3, wake_at = NULL, output = NULL, error = NULL, control = 0,
                input = CASE WHEN ?4 THEN ?5 ELSE input END, version = coalesce(?6, version)
            WHERE id = ?1
            """))
        {
            reset.Bind(1, rewind.RunId).Bind(2, (long)rewind.Status).Bind(3, rewind.At).Bind(4, rewind.ReplaceInput).Bind(5, rewind.Input)
                .Bind(6, (long?)rewind.Version).Execute();
        }

        using (var clear = new SqliteStatement(_connection, "DELETE FROM waits WHERE run_id = ?1"))
        {
            clear.Bind(1, rewind.RunId).Execute();
        }

        using (var later = new SqliteStatement(_connection, "DELETE FROM snapshots WHERE run_id = ?1 AND seq > ?2"))
        {
            later.Bind(1, rewind.RunId).Bind(2, rewind.KeepThrough).Execute();
        }

        OpenWaits(rewind.RunId, rewind.Waits);
        _heads.Remove(rewind.RunId);
        foreach (var signal in rewind.Signals)
        {
            Deliver(signal.RunId, signal.Name, signal.Payload, rewind.At, requireOpenWait: false);
        }

        return true;
    }

    /// <summary>Creates a whole run: record, journal, branches, waits and inbox.</summary>
    /// <param name="import">The run (its numbering checked by the caller).</param>
    /// <returns><see langword="false"/> when a run with that id exists.</returns>
    public bool Import(RunImport import)
    {
        var run = import.Run;
        using (var insert = new SqliteStatement(_connection, """
            INSERT INTO runs (id, workflow, version, status, input, output, error, session_id, user_id, parent_run_id, parent_position,
                created_at, updated_at, wake_at, control, origin_run_id, origin_strategy, origin_checkpoint, origin_sequence, priority)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) ON CONFLICT (id) DO NOTHING
            """))
        {
            insert.Bind(1, run.RunId).Bind(2, run.Workflow).Bind(3, (long)run.Version).Bind(4, (long)run.Status).Bind(5, run.Input)
                .Bind(6, run.Output).Bind(7, run.Error).Bind(8, run.SessionId).Bind(9, run.UserId).Bind(10, run.ParentRunId)
                .Bind(11, run.ParentPosition).Bind(12, run.CreatedAt).Bind(13, run.UpdatedAt).Bind(14, run.WakeAt).Bind(15, (long)run.Control)
                .Bind(16, run.Origin?.RunId).Bind(17, run.Origin?.Strategy.ToWireName())
                .Bind(18, (long?)run.Origin?.Checkpoint).Bind(19, run.Origin?.Sequence).Bind(20, (long)run.Priority);
            if (insert.Execute() == 0)
            {
                return false;
            }
        }

        var key = raw.sqlite3_last_insert_rowid(_connection.Handle);
        var (sequence, last) = AppendChain(run.RunId, import.Journal, 0, null);
        using (var head = new SqliteStatement(_connection, "INSERT INTO run_heads (run_key, run_id, last_seq, last_entry) VALUES (?1, ?2, ?3, ?4)"))
        {
            head.Bind(1, key).Bind(2, run.RunId).Bind(3, sequence).Bind(4, last).Execute();
        }

        using (var branch = new SqliteStatement(_connection, "INSERT INTO journal_branches (run_id, number, after_seq, last_entry, archived_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            foreach (var b in import.Branches)
            {
                long? branchLast = b.Entries.Count == 0 ? null : AppendChain(run.RunId, b.Entries, b.AfterSequence, null).Last;
                branch.Bind(1, run.RunId).Bind(2, (long)b.Number).Bind(3, b.AfterSequence).Bind(4, branchLast).Bind(5, b.ArchivedAt).Bind(6, b.Reason).Execute();
            }
        }

        OpenWaits(run.RunId, run.Waits);
        foreach (var signal in import.Signals)
        {
            _s.InsertSignal.Bind(1, run.RunId).Bind(2, signal.Name).Bind(3, signal.Payload).Bind(4, signal.At).Execute();
        }

        foreach (var snapshot in import.Snapshots)
        {
            SnapshotRows.BindAll(_s.InsertSnapshot, run.RunId, snapshot).Execute();
        }

        return true;
    }

    /// <summary>Deletes a finished run and everything of it, after checking that neither it, a child nor its parent is still active.</summary>
    /// <param name="runId">The run.</param>
    /// <returns>What was done.</returns>
    public DeleteRunOutcome Delete(string runId)
    {
        using (var check = new SqliteStatement(_connection, """
            SELECT r.status,
                EXISTS (SELECT 1 FROM runs c WHERE c.parent_run_id = r.id AND c.status NOT IN (4, 5, 6)),
                (SELECT p.status FROM runs p WHERE p.id = r.parent_run_id)
            FROM runs r WHERE r.id = ?1
            """))
        {
            using var rows = check.Bind(1, runId).Query();
            if (!rows.Read())
            {
                return DeleteRunOutcome.NotFound;
            }

            if (!((RunStatus)rows.GetInt64(0)).IsFinished())
            {
                return DeleteRunOutcome.NotFinished;
            }

            if (rows.GetInt64(1) != 0)
            {
                return DeleteRunOutcome.ChildActive;
            }

            if (rows.GetInt64OrNull(2) is { } parent && !((RunStatus)parent).IsFinished())
            {
                return DeleteRunOutcome.ParentActive;
            }
        }

        foreach (var sql in new[]
        {
            DeleteEntriesSql,
            "DELETE FROM journal_branches WHERE run_id = ?1",
            "DELETE FROM snapshots WHERE run_id = ?1",
            "DELETE FROM waits WHERE run_id = ?1",
            "DELETE FROM signals WHERE run_id = ?1",
            "DELETE FROM run_heads WHERE run_id = ?1",
            "DELETE FROM runs WHERE id = ?1",
        })
        {
            using var delete = new SqliteStatement(_connection, sql);
            delete.Bind(1, runId).Execute();
        }

        _heads.Remove(runId);
        return DeleteRunOutcome.Deleted;
    }

    /// <summary>Inserts entries as a chain after <paramref name="previous"/>, numbering from <paramref name="after"/> + 1.</summary>
    private (long Sequence, long? Last) AppendChain(string runId, IReadOnlyList<JournalEntry> entries, long after, long? previous)
    {
        var sequence = after;
        foreach (var entry in entries)
        {
            var id = _nextEntryId++;
            InsertEntry(runId, id, ++sequence, previous, entry);
            previous = id;
        }

        return (sequence, previous);
    }

    private void OpenWaits(string runId, IReadOnlyList<WaitRecord> waits)
    {
        foreach (var wait in waits)
        {
            _s.OpenWait.Bind(1, runId).Bind(2, wait.Position).Bind(3, (long)wait.Kind).Bind(4, wait.Name).Bind(5, wait.DueAt).Bind(6, wait.Detail).Execute();
        }
    }
}
