using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Memory;

/// <content>Archived branches, rewinds, imports and deletion.</content>
public sealed partial class InMemoryWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalBranch>> ReadJournalBranchesAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalBranch> branches = _runs.TryGetValue(runId, out var s) ? s.Branches.ToArray() : [];
            return ValueTask.FromResult(branches);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RewindRunAsync(RunRewind rewind, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckRewind(rewind);
        lock (_gate)
        {
            if (!_runs.TryGetValue(rewind.RunId, out var s)
                || s.Status != rewind.ExpectStatus
                || s.Owner != rewind.ExpectOwner
                || s.Journal.Count != rewind.ExpectLastSequence
                || s.Branches.Count != rewind.Branch - 1)
            {
                return ValueTask.FromResult(false);
            }

            var keep = (int)rewind.KeepThrough;
            s.Branches.Add(new JournalBranch
            {
                Number = rewind.Branch,
                AfterSequence = keep,
                ArchivedAt = rewind.At,
                Reason = rewind.Reason,
                Entries = s.Journal.Skip(keep).ToArray(),
            });
            s.Journal.RemoveRange(keep, s.Journal.Count - keep);
            s.StateSnapshots.RemoveAll(x => x.Sequence > keep);
            s.Journal.AddRange(rewind.Entries);
            if (rewind.ReplaceInput)
            {
                s.Input = rewind.Input;
            }

            s.Version = rewind.Version ?? s.Version;
            s.Status = rewind.Status;
            s.UpdatedAt = rewind.At;
            s.WakeAt = null;
            s.Output = null;
            s.Error = null;
            s.Control = RunControl.None;
            s.Owner = null;
            s.LeaseUntil = null;
            s.Waits.Clear();
            s.Waits.AddRange(rewind.Waits);
            foreach (var signal in rewind.Signals)
            {
                if (_runs.TryGetValue(signal.RunId, out var target) && !target.Status.IsFinished())
                {
                    Deliver(target, signal.Name, signal.Payload, rewind.At, target.Waits.Any(w => w.Name == signal.Name));
                }
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ImportRunAsync(RunImport run, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckImport(run);
        lock (_gate)
        {
            if (_runs.ContainsKey(run.Run.RunId))
            {
                return ValueTask.FromResult(false);
            }

            var s = new RunState(run.Run, ++_createOrder);
            s.Journal.AddRange(run.Journal);
            s.Branches.AddRange(run.Branches);
            s.StateSnapshots.AddRange(run.Snapshots);
            foreach (var signal in run.Signals)
            {
                s.Inbox.Add(new SignalRecord(_nextSignalId++, s.RunId, signal.Name, signal.Payload, signal.At));
            }

            _runs.Add(s.RunId, s);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<DeleteRunOutcome> DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var s))
            {
                return ValueTask.FromResult(DeleteRunOutcome.NotFound);
            }

            if (!s.Status.IsFinished())
            {
                return ValueTask.FromResult(DeleteRunOutcome.NotFinished);
            }

            if (_runs.Values.Any(c => c.ParentRunId == runId && !c.Status.IsFinished()))
            {
                return ValueTask.FromResult(DeleteRunOutcome.ChildActive);
            }

            if (s.ParentRunId is { } parent && _runs.TryGetValue(parent, out var p) && !p.Status.IsFinished())
            {
                return ValueTask.FromResult(DeleteRunOutcome.ParentActive);
            }

            _runs.Remove(runId);
            return ValueTask.FromResult(DeleteRunOutcome.Deleted);
        }
    }
}
