using System.Runtime.CompilerServices;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Applying one commit: every check comes before the first write.</content>
internal sealed partial class StoreWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(PendingCommit pending)
    {
        var commit = pending.Commit;
        if (IsPlainStep(commit)
            && _heads.TryGetValue(commit.RunId, out var head)
            && commit.Entries[0].Sequence == head.Sequence + 1)
        {
            // The common step: one guarded UPDATE checks owner and sequence and moves the head, then the INSERTs.
            if (AdvanceHead(commit, head))
            {
                AppendEntries(commit, head);
                pending.Result = ApplyRunChanges(commit, head, stateVersion: 0);
                return;
            }

            _heads.Remove(commit.RunId);
        }

        ApplyChecked(pending);
    }

    /// <summary>The general path: reads the run, checks the commit in the same order as the in-memory store, then writes.</summary>
    private void ApplyChecked(PendingCommit pending)
    {
        var commit = pending.Commit;
        RunStatus status;
        string? owner;
        RunHead head;
        using (var rows = _s.ReadHead.Bind(1, commit.RunId).Query())
        {
            if (!rows.Read())
            {
                pending.Result = new CommitResult(CommitOutcome.StatusMismatch);
                return;
            }

            status = (RunStatus)rows.GetInt64(0);
            owner = rows.GetString(1);
            head = new RunHead(rows.GetInt64(2), rows.GetInt64(3), rows.GetInt64(4));
        }

        if (commit.ExpectStatus is { } expected && status != expected)
        {
            pending.Result = new CommitResult(CommitOutcome.StatusMismatch);
            return;
        }

        if (commit.Owner is not null && owner != commit.Owner)
        {
            pending.Error = new RunOwnershipLostException(commit.RunId, owner is null ? "the run is not owned" : $"it is owned by '{owner}'");
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

        long stateVersion = 0;
        if (commit.StateWrite is { } write)
        {
            var current = _s.ReadStateVersion.Bind(1, (long)write.Scope).Bind(2, write.ScopeId).Bind(3, write.Key).ScalarInt64() ?? 0;
            if (write.ExpectedVersion is { } expectedVersion && expectedVersion != current)
            {
                // The conflict is recorded in the journal instead of the commit's own entries (same sequences).
                if (commit.ConflictEntries is { Count: > 0 } conflictEntries)
                {
                    var recorded = new RunCommit { RunId = commit.RunId, Owner = commit.Owner, Entries = conflictEntries, At = commit.At };
                    if (!AdvanceHead(recorded, head))
                    {
                        throw new InvalidOperationException($"The journal head of run '{commit.RunId}' changed inside the write transaction.");
                    }

                    AppendEntries(recorded, head);
                }

                pending.Result = new CommitResult(CommitOutcome.StateConflict, current);
                return;
            }

            stateVersion = current + 1;
        }

        var createChild = false;
        if (commit.ChildRun is { } child)
        {
            using var rows = _s.ReadParent.Bind(1, child.RunId).Query();
            if (!rows.Read())
            {
                createChild = true;
            }
            else if (rows.GetString(0) != commit.RunId)
            {
                pending.Error = new InvalidOperationException($"Cannot start child run '{child.RunId}': a run with that id exists and belongs to another parent.");
                return;
            }
        }

        // Every check passed: write.
        if (commit.Entries.Count > 0)
        {
            if (!AdvanceHead(commit, head))
            {
                throw new InvalidOperationException($"The journal head of run '{commit.RunId}' changed inside the write transaction.");
            }

            AppendEntries(commit, head);
        }

        if (commit.StateWrite is { } w)
        {
            _s.WriteState.Bind(1, (long)w.Scope).Bind(2, w.ScopeId).Bind(3, w.Key).Bind(4, w.Value).Bind(5, stateVersion).Execute();
        }

        if (createChild)
        {
            CreateRun(commit.ChildRun!);
        }

        pending.Result = ApplyRunChanges(commit, head, stateVersion);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlainStep(RunCommit commit)
    {
        var entries = commit.Entries;
        if (entries.Count == 0 || commit.ExpectStatus is not null || commit.StateWrite is not null || commit.ChildRun is not null)
        {
            return false;
        }

        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Sequence != entries[0].Sequence + i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves the head past the commit's entries, if it is still where the caller saw it and the owner matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AdvanceHead(RunCommit commit, RunHead head) =>
        _s.AdvanceHead
            .Bind(1, head.Key)
            .Bind(2, commit.RunId)
            .Bind(3, head.Sequence)
            .Bind(4, head.Entry)
            .Bind(5, head.Sequence + commit.Entries.Count)
            .Bind(6, _nextEntryId + commit.Entries.Count - 1)
            .Bind(7, commit.Owner)
            .Execute() == 1;

    /// <summary>Appends the commit's entries after the head (numbering those with sequence 0) and chains them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendEntries(RunCommit commit, RunHead head)
    {
        var sequence = head.Sequence;
        var previous = head.Entry;
        foreach (var entry in commit.Entries)
        {
            sequence++;
            var id = _nextEntryId++;
            InsertEntry(commit.RunId, id, sequence, previous, entry);
            previous = id;
        }

        RememberHead(commit.RunId, head with { Sequence = sequence, Entry = previous });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertEntry(string runId, long id, long sequence, long? previous, JournalEntry entry) =>
        _s.InsertEntry
            .Bind(1, id)
            .Bind(2, runId)
            .Bind(3, sequence)
            .Bind(4, previous)
            .Bind(5, (long)entry.Kind)
            .Bind(6, entry.Position)
            .Bind(7, entry.Name)
            .Bind(8, entry.Payload)
            .Bind(9, (long)entry.Attempt)
            .Bind(10, entry.At)
            .Bind(11, entry.StartedAt)
            .Execute();

    /// <summary>Applies the snapshot, the release, waits, the consumed signal, control, status and outgoing signals, in the in-memory store's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CommitResult ApplyRunChanges(RunCommit commit, RunHead head, long stateVersion)
    {
        if (commit.Snapshot is { } snapshot)
        {
            SnapshotRows.BindAll(_s.InsertSnapshot, commit.RunId, snapshot).Execute();
            if (commit.KeepSnapshots is { } keep)
            {
                _s.ThinSnapshots.Bind(1, commit.RunId).Bind(2, (long)keep).Execute();
            }
        }

        if (commit.Release)
        {
            _s.ReleaseHead.Bind(1, head.Key).Execute();
        }

        foreach (var position in commit.CloseWaits)
        {
            _s.CloseWait.Bind(1, commit.RunId).Bind(2, position).Execute();
        }

        foreach (var wait in commit.OpenWaits)
        {
            _s.OpenWait.Bind(1, commit.RunId).Bind(2, wait.Position).Bind(3, (long)wait.Kind).Bind(4, wait.Name).Bind(5, wait.DueAt).Bind(6, wait.Detail).Execute();
        }

        if (commit.ConsumeSignal is { } signalId)
        {
            _s.ConsumeSignal.Bind(1, signalId).Bind(2, commit.RunId).Execute();
        }

        if (commit.SetControl is not null || commit.ClearControl || commit.Status is not null)
        {
            _s.UpdateRun
                .Bind(1, commit.RunId)
                .Bind(2, commit.ClearControl)
                .Bind(3, commit.SetControl is { } control ? (long)control : null)
                .Bind(4, commit.Status is { } status ? (long)status : null)
                .Bind(5, commit.At)
                .Bind(6, commit.WakeAt)
                .Bind(7, commit.Output)
                .Bind(8, commit.Error)
                .Execute();
            if (commit.Status is { } final && final.IsFinished())
            {
                _heads.Remove(commit.RunId);
            }
        }

        foreach (var signal in commit.Signals)
        {
            Deliver(signal.RunId, signal.Name, signal.Payload, commit.At, requireOpenWait: false);
        }

        return new CommitResult(CommitOutcome.Committed, stateVersion);
    }
}
