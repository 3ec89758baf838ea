using Cairn.Journal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <content>Applying one commit: every check comes before the first write, in the in-memory store's order.</content>
internal sealed partial class CommitWriter
{
    private static void Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, RunHeads heads, NpgsqlBatch writes, PendingCommit pending)
    {
        var commit = pending.Commit;
        if (!heads.TryGet(commit.RunId, out var head) || (commit.ExpectStatus is { } expected && head.Status != expected))
        {
            pending.Result = new CommitResult(CommitOutcome.StatusMismatch);
            return;
        }

        // The fence: a host whose lease was taken over (it froze, or lost its connection) cannot append any more.
        if (commit.Owner is not null && head.Owner != commit.Owner)
        {
            pending.Error = new RunOwnershipLostException(commit.RunId, head.Owner is null ? "the run is not owned" : $"it is owned by '{head.Owner}'");
            return;
        }

        var next = head.Sequence + 1;
        foreach (var entry in commit.Entries)
        {
            if (entry.Sequence != 0 && entry.Sequence != next)
            {
                pending.Error = new RunOwnershipLostException(commit.RunId, $"journal entry {entry.Sequence} was expected to be {next}; another process appended");
                return;
            }

            next++;
        }

        var createChild = false;
        if (commit.ChildRun is { } child)
        {
            if (!heads.TryGet(child.RunId, out var existing))
            {
                createChild = true;
            }
            else if (existing.ParentRunId != commit.RunId)
            {
                pending.Error = new InvalidOperationException($"Cannot start child run '{child.RunId}': a run with that id exists and belongs to another parent.");
                return;
            }
        }

        long stateVersion = 0;
        if (commit.StateWrite is { } write)
        {
            var (written, version) = ScopedStates.Write(connection, transaction, write);
            if (!written)
            {
                // The conflict is recorded in the journal instead of the commit's own entries (same sequences).
                if (commit.ConflictEntries is { Count: > 0 } conflictEntries)
                {
                    Append(writes, heads, commit.RunId, head, conflictEntries);
                }

                pending.Result = new CommitResult(CommitOutcome.StateConflict, version);
                return;
            }

            stateVersion = version;
        }

        // Every check passed: write.
        if (commit.Entries.Count > 0)
        {
            head = Append(writes, heads, commit.RunId, head, commit.Entries);
        }

        if (createChild)
        {
            var newChild = commit.ChildRun!;
            writes.BatchCommands.Add(RunWrites.CreateRun(newChild));
            heads.Set(newChild.RunId, new RunHeads.Head(newChild.Owner is null ? RunStatus.Pending : RunStatus.Running, newChild.Owner, 1, commit.RunId));
        }

        ApplyRunChanges(writes, commit);
        heads.Set(commit.RunId, head with { Owner = commit.Release ? null : head.Owner, Status = commit.Status ?? head.Status });
        pending.Result = new CommitResult(CommitOutcome.Committed, stateVersion);
    }

    private static RunHeads.Head Append(NpgsqlBatch writes, RunHeads heads, string runId, RunHeads.Head head, IReadOnlyList<JournalEntry> entries)
    {
        var last = RunWrites.AppendEntries(writes, runId, 0, head.Sequence, entries);
        writes.BatchCommands.Add(Db.BatchCommand("UPDATE runs SET last_seq = $2 WHERE id = $1", Db.Text(runId), Db.Int64(last)));
        head = head with { Sequence = last };
        heads.Set(runId, head);
        return head;
    }

    /// <summary>Adds the snapshot, the release, waits, the consumed signal, control, status and outgoing signals, in the in-memory store's order.</summary>
    private static void ApplyRunChanges(NpgsqlBatch writes, RunCommit commit)
    {
        if (commit.Snapshot is { } snapshot)
        {
            writes.BatchCommands.Add(Snapshots.Insert(commit.RunId, snapshot));
            if (commit.KeepSnapshots is { } keep)
            {
                writes.BatchCommands.Add(Snapshots.Thin(commit.RunId, keep));
            }
        }

        if (commit.Release)
        {
            writes.BatchCommands.Add(Db.BatchCommand("UPDATE runs SET owner = NULL, lease_until = NULL WHERE id = $1", Db.Text(commit.RunId)));
        }

        foreach (var position in commit.CloseWaits)
        {
            writes.BatchCommands.Add(Db.BatchCommand("DELETE FROM waits WHERE run_id = $1 AND position = $2", Db.Text(commit.RunId), Db.Text(position)));
        }

        RunWrites.OpenWaits(writes, commit.RunId, commit.OpenWaits);
        if (commit.ConsumeSignal is { } signalId)
        {
            writes.BatchCommands.Add(Db.BatchCommand("DELETE FROM signals WHERE id = $1 AND run_id = $2", Db.Int64(signalId), Db.Text(commit.RunId)));
        }

        if (commit.SetControl is not null || commit.ClearControl || commit.Status is not null)
        {
            writes.BatchCommands.Add(RunWrites.UpdateRun(commit));
        }

        foreach (var signal in commit.Signals)
        {
            RunWrites.Deliver(writes, signal, commit.At);
        }
    }
}
