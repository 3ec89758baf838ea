using Cairn.Journal;
using Cairn.Postgres.Internal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres;

/// <content>Archived branches, rewinds, imports and deletion. A rewind archives the discarded tail where it is, by moving its entries from branch 0 to the branch's number.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JournalBranch>> ReadJournalBranchesAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var branches = await Db.ListAsync(
                connection,
                null,
                "SELECT number, after_seq, archived_at, reason FROM journal_branches WHERE run_id = $1 ORDER BY number",
                rows => new JournalBranch { Number = rows.GetInt32(0), AfterSequence = rows.GetInt64(1), ArchivedAt = rows.GetTime(2), Reason = rows.GetStringOrNull(3) },
                cancellationToken,
                Db.Text(runId)).ConfigureAwait(false);

            for (var i = 0; i < branches.Count; i++)
            {
                branches[i] = branches[i] with { Entries = await Reads.ReadEntriesAsync(connection, runId, branches[i].Number, cancellationToken).ConfigureAwait(false) };
            }

            return branches;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> RewindRunAsync(RunRewind rewind, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckRewind(rewind);
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                var found = await Db.ListAsync(
                    connection,
                    transaction,
                    "SELECT status, owner, last_seq, (SELECT count(*) FROM journal_branches WHERE run_id = $1) FROM runs WHERE id = $1 FOR UPDATE",
                    rows => (Status: (RunStatus)rows.GetInt32(0), Owner: rows.GetStringOrNull(1), Last: rows.GetInt64(2), Branches: rows.GetInt64(3)),
                    cancellationToken,
                    Db.Text(rewind.RunId)).ConfigureAwait(false);
                if (found is not [var run]
                    || run.Status != rewind.ExpectStatus
                    || run.Owner != rewind.ExpectOwner
                    || run.Last != rewind.ExpectLastSequence
                    || run.Branches != rewind.Branch - 1)
                {
                    return false;
                }

                using var writes = new NpgsqlBatch(connection, transaction);
                writes.BatchCommands.Add(Db.BatchCommand(
                    "INSERT INTO journal_branches (run_id, number, after_seq, archived_at, reason) VALUES ($1, $2, $3, $4, $5)",
                    Db.Text(rewind.RunId),
                    Db.Int32(rewind.Branch),
                    Db.Int64(rewind.KeepThrough),
                    Db.Time(rewind.At),
                    Db.Text(rewind.Reason)));
                writes.BatchCommands.Add(Db.BatchCommand(
                    "UPDATE journal SET branch = $2 WHERE run_id = $1 AND branch = 0 AND seq > $3",
                    Db.Text(rewind.RunId),
                    Db.Int32(rewind.Branch),
                    Db.Int64(rewind.KeepThrough)));
                var last = RunWrites.AppendEntries(writes, rewind.RunId, 0, rewind.KeepThrough, rewind.Entries);
                writes.BatchCommands.Add(Db.BatchCommand(
                    """
                    UPDATE runs SET last_seq = $2, owner = NULL, lease_until = NULL, status = $3, updated_at = $4, wake_at = NULL,
                        output = NULL, error = NULL, control = 0, input = CASE WHEN $5 THEN $6 ELSE input END, version = coalesce($7, version)
                    WHERE id = $1
                    """,
                    Db.Text(rewind.RunId),
                    Db.Int64(last),
                    Db.Int32((int)rewind.Status),
                    Db.Time(rewind.At),
                    Db.Bool(rewind.ReplaceInput),
                    Db.Json(rewind.Input),
                    Db.Int32(rewind.Version)));
                writes.BatchCommands.Add(Db.BatchCommand("DELETE FROM waits WHERE run_id = $1", Db.Text(rewind.RunId)));
                writes.BatchCommands.Add(Db.BatchCommand("DELETE FROM snapshots WHERE run_id = $1 AND seq > $2", Db.Text(rewind.RunId), Db.Int64(rewind.KeepThrough)));
                RunWrites.OpenWaits(writes, rewind.RunId, rewind.Waits);
                foreach (var signal in rewind.Signals)
                {
                    RunWrites.Deliver(writes, signal, rewind.At);
                }

                await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ImportRunAsync(RunImport run, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckImport(run);
        var r = run.Run;
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                var inserted = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO runs (id, workflow, version, status, input, output, error, session_id, user_id, parent_run_id, parent_position,
                        created_at, updated_at, wake_at, control, origin_run_id, origin_strategy, origin_checkpoint, origin_sequence, last_seq, priority)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) ON CONFLICT (id) DO NOTHING
                    """,
                    cancellationToken,
                    Db.Text(r.RunId), Db.Text(r.Workflow), Db.Int32(r.Version), Db.Int32((int)r.Status), Db.Json(r.Input), Db.Json(r.Output), Db.Json(r.Error),
                    Db.Text(r.SessionId), Db.Text(r.UserId), Db.Text(r.ParentRunId), Db.Text(r.ParentPosition), Db.Time(r.CreatedAt), Db.Time(r.UpdatedAt),
                    Db.Time(r.WakeAt), Db.Int32((int)r.Control), Db.Text(r.Origin?.RunId), Db.Text(r.Origin?.Strategy.ToWireName()), Db.Int32(r.Origin?.Checkpoint),
                    Db.Int64(r.Origin?.Sequence), Db.Int64(run.Journal.Count), Db.Int32(r.Priority)).ConfigureAwait(false);
                if (inserted == 0)
                {
                    return false;
                }

                using var writes = new NpgsqlBatch(connection, transaction);
                RunWrites.AppendEntries(writes, r.RunId, 0, 0, run.Journal);
                foreach (var branch in run.Branches)
                {
                    writes.BatchCommands.Add(Db.BatchCommand(
                        "INSERT INTO journal_branches (run_id, number, after_seq, archived_at, reason) VALUES ($1, $2, $3, $4, $5)",
                        Db.Text(r.RunId),
                        Db.Int32(branch.Number),
                        Db.Int64(branch.AfterSequence),
                        Db.Time(branch.ArchivedAt),
                        Db.Text(branch.Reason)));
                    RunWrites.AppendEntries(writes, r.RunId, branch.Number, branch.AfterSequence, branch.Entries);
                }

                RunWrites.OpenWaits(writes, r.RunId, r.Waits);
                foreach (var snapshot in run.Snapshots)
                {
                    writes.BatchCommands.Add(Snapshots.Insert(r.RunId, snapshot));
                }

                foreach (var signal in run.Signals)
                {
                    writes.BatchCommands.Add(Db.BatchCommand(
                        "INSERT INTO signals (run_id, name, payload, at) VALUES ($1, $2, $3, $4)",
                        Db.Text(r.RunId),
                        Db.Text(signal.Name),
                        Db.Json(signal.Payload),
                        Db.Time(signal.At)));
                }

                await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<DeleteRunOutcome> DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                var found = await Db.ListAsync(
                    connection,
                    transaction,
                    """
                    SELECT r.status,
                        EXISTS (SELECT 1 FROM runs c WHERE c.parent_run_id = r.id AND c.status NOT IN (4, 5, 6)),
                        (SELECT p.status FROM runs p WHERE p.id = r.parent_run_id)
                    FROM runs r WHERE r.id = $1 FOR UPDATE OF r
                    """,
                    rows => (Status: (RunStatus)rows.GetInt32(0), ChildActive: rows.GetBoolean(1), Parent: (RunStatus?)rows.GetInt32OrNull(2)),
                    cancellationToken,
                    Db.Text(runId)).ConfigureAwait(false);
                if (found is not [var run])
                {
                    return DeleteRunOutcome.NotFound;
                }

                if (!run.Status.IsFinished())
                {
                    return DeleteRunOutcome.NotFinished;
                }

                if (run.ChildActive)
                {
                    return DeleteRunOutcome.ChildActive;
                }

                if (run.Parent is { } parent && !parent.IsFinished())
                {
                    return DeleteRunOutcome.ParentActive;
                }

                using var writes = new NpgsqlBatch(connection, transaction);
                foreach (var table in new[] { "journal", "journal_branches", "snapshots", "waits", "signals" })
                {
                    writes.BatchCommands.Add(Db.BatchCommand($"DELETE FROM {table} WHERE run_id = $1", Db.Text(runId)));
                }

                writes.BatchCommands.Add(Db.BatchCommand("DELETE FROM runs WHERE id = $1", Db.Text(runId)));
                await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return DeleteRunOutcome.Deleted;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
