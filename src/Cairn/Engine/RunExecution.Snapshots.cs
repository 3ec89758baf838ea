using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>
/// State snapshots: the run's state and step outputs at a checkpoint, stored with the commit that records it. A
/// snapshot is taken at every named checkpoint and at every <see cref="SnapshotInterval"/>-th checkpoint (completed
/// steps count), unless <see cref="WorkflowOptions.KeepSnapshots"/> is 0.
/// </content>
internal sealed partial class RunExecution
{
    /// <summary>Every how many checkpoints a snapshot is taken when no named checkpoint asks for one.</summary>
    internal const int SnapshotInterval = 10;

    private CheckpointFold? _fold;

    /// <summary>Starts folding the journal the run was loaded with, unless the workflow keeps no snapshots.</summary>
    private void StartSnapshots(IReadOnlyList<JournalEntry> journal)
    {
        if (_workflow.Options.KeepSnapshots == 0)
        {
            return;
        }

        _fold = new CheckpointFold();
        foreach (var e in journal)
        {
            _fold.Add(e);
        }
    }

    /// <summary>Folds in the entries of a commit (called in sequence order, under the commit gate) and returns the snapshot of its last due checkpoint.</summary>
    private StateSnapshot? FoldSnapshot(JournalEntry[] entries, DateTimeOffset now)
    {
        if (_fold is null)
        {
            return null;
        }

        StateSnapshot? snapshot = null;
        foreach (var e in entries)
        {
            if (_fold.Add(e) && (e.Kind == JournalEntryKind.Checkpoint || _fold.Checkpoints % SnapshotInterval == 0))
            {
                snapshot = _fold.ToSnapshot(now);
            }
        }

        return snapshot;
    }
}
