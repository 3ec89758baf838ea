using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Memory;

/// <content>Commits and signals.</content>
public sealed partial class InMemoryWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            return ValueTask.FromResult(Apply(commit));
        }
    }

    /// <inheritdoc />
    public ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var s))
            {
                return ValueTask.FromResult(SignalOutcome.RunNotFound);
            }

            if (s.Status.IsFinished())
            {
                return ValueTask.FromResult(SignalOutcome.RunFinished);
            }

            var waiting = s.Waits.Any(w => w.Name == name);
            if (requireOpenWait && !waiting)
            {
                return ValueTask.FromResult(SignalOutcome.NotWaiting);
            }

            Deliver(s, name, payload, at, waiting);
            return ValueTask.FromResult(SignalOutcome.Accepted);
        }
    }

    private void Deliver(RunState s, string name, string? payload, DateTimeOffset at, bool waiting)
    {
        s.Inbox.Add(new SignalRecord(_nextSignalId++, s.RunId, name, payload, at));
        if (waiting && s.Status.IsWaiting())
        {
            s.WakeAt = at;
        }
    }

    private CommitResult Apply(RunCommit c)
    {
        if (!_runs.TryGetValue(c.RunId, out var s))
        {
            return new CommitResult(CommitOutcome.StatusMismatch);
        }

        if (c.ExpectStatus is { } expected && s.Status != expected)
        {
            return new CommitResult(CommitOutcome.StatusMismatch);
        }

        if (c.Owner is not null && s.Owner != c.Owner)
        {
            throw new RunOwnershipLostException(c.RunId, s.Owner is null ? "the run is not owned" : $"it is owned by '{s.Owner}'");
        }

        var next = s.Journal.Count + 1;
        foreach (var e in c.Entries)
        {
            if (e.Sequence != 0 && e.Sequence != next)
            {
                throw new RunOwnershipLostException(c.RunId, $"journal entry {e.Sequence} was expected to be {next}; another process appended");
            }

            next++;
        }

        long stateVersion = 0;
        if (c.StateWrite is { } w)
        {
            var current = _scoped.TryGetValue((w.Scope, w.ScopeId, w.Key), out var v) ? v.Version : 0;
            if (w.ExpectedVersion is { } ev && ev != current)
            {
                foreach (var e in c.ConflictEntries ?? [])
                {
                    s.Journal.Add(e.Sequence != 0 ? e : Renumber(e, s.Journal.Count + 1));
                }

                return new CommitResult(CommitOutcome.StateConflict, current);
            }

            stateVersion = current + 1;
        }

        if (c.ChildRun is { } child && _runs.TryGetValue(child.RunId, out var existing) && existing.ParentRunId != c.RunId)
        {
            throw new InvalidOperationException($"Cannot start child run '{child.RunId}': a run with that id exists and belongs to another parent.");
        }

        // Every check passed: from here on the commit applies as a whole.
        if (c.StateWrite is { } write)
        {
            _scoped[(write.Scope, write.ScopeId, write.Key)] = new ScopedValue(write.Value, stateVersion);
        }

        if (c.ChildRun is { } newChild)
        {
            TryCreate(newChild);
        }

        foreach (var e in c.Entries)
        {
            s.Journal.Add(e.Sequence != 0 ? e : Renumber(e, s.Journal.Count + 1));
        }

        ApplyRunChanges(s, c);
        return new CommitResult(CommitOutcome.Committed, stateVersion);
    }

    private void ApplyRunChanges(RunState s, RunCommit c)
    {
        if (c.Snapshot is { } snapshot)
        {
            s.StateSnapshots.RemoveAll(x => x.Sequence == snapshot.Sequence);
            s.StateSnapshots.Add(snapshot);
            s.StateSnapshots.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            if (c.KeepSnapshots is { } keep)
            {
                Thin(s, keep);
            }
        }

        foreach (var position in c.CloseWaits)
        {
            s.Waits.RemoveAll(x => x.Position == position);
        }

        foreach (var wait in c.OpenWaits)
        {
            // Opening a wait at a position that has one replaces it.
            s.Waits.RemoveAll(x => x.Position == wait.Position);
            s.Waits.Add(wait);
        }

        if (c.ConsumeSignal is { } id)
        {
            s.Inbox.RemoveAll(x => x.Id == id);
        }

        if (c.SetControl is { } control)
        {
            s.Control = control;
        }

        if (c.ClearControl)
        {
            s.Control = RunControl.None;
        }

        if (c.Status is { } status)
        {
            s.Status = status;
            s.UpdatedAt = c.At;
            s.WakeAt = c.WakeAt;
            s.Output = c.Output ?? s.Output;
            s.Error = c.Error ?? s.Error;
            if (status.IsWaiting() && s.Waits.Any(w => s.Inbox.Any(i => i.Name == w.Name)))
            {
                s.WakeAt = c.At;
            }
        }

        if (c.Release)
        {
            s.Owner = null;
            s.LeaseUntil = null;
        }

        foreach (var signal in c.Signals)
        {
            if (_runs.TryGetValue(signal.RunId, out var target) && !target.Status.IsFinished())
            {
                Deliver(target, signal.Name, signal.Payload, c.At, target.Waits.Any(w => w.Name == signal.Name));
            }
        }
    }

    private static JournalEntry Renumber(JournalEntry e, long sequence) => new()
    {
        Sequence = sequence,
        Kind = e.Kind,
        Position = e.Position,
        Name = e.Name,
        Payload = e.Payload,
        Attempt = e.Attempt,
        At = e.At,
        StartedAt = e.StartedAt,
    };
}
