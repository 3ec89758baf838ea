using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>
/// State snapshots: the run's state and step outputs at a checkpoint, stored with the commit that records it, unless
/// <see cref="WorkflowOptions.KeepSnapshots"/> is 0. A snapshot is due at a named checkpoint and at every
/// <see cref="SnapshotInterval"/>-th checkpoint. A snapshot holds every step so far, so the gap also grows with the
/// run: at least an eighth (<see cref="SnapshotGrowth"/>) of the steps a snapshot would hold must have passed since the
/// last one. Snapshot writes then cost a bounded amount per step however long the run (a run's snapshots add up to a
/// few times its step outputs, instead of growing with the square of its length), and a checkpoint view replays at
/// most an eighth of the run, plus <see cref="SnapshotInterval"/>, after its nearest snapshot.
/// </content>
internal sealed partial class RunExecution
{
    /// <summary>Every how many checkpoints a snapshot is taken when no named checkpoint asks for one.</summary>
    internal const int SnapshotInterval = 10;

    /// <summary>A snapshot is due only once at least this fraction (1/n) of the steps it would hold have passed since the last one.</summary>
    private const int SnapshotGrowth = 8;

    private CheckpointFold? _fold;
    private int _lastSnapshot;

    /// <summary>Starts folding the journal the run was loaded with, unless the workflow keeps no snapshots.</summary>
    private void StartSnapshots(IReadOnlyList<JournalEntry> journal)
    {
        if (_workflow.Options.KeepSnapshots == 0)
        {
            return;
        }

        // The loaded journal's snapshots were taken by the same rule, so replaying it finds where the last one was.
        _fold = new CheckpointFold();
        foreach (var e in journal)
        {
            if (_fold.Add(e) && SnapshotDue(e))
            {
                _lastSnapshot = _fold.Checkpoints;
            }
        }
    }

    /// <summary>Returns whether the checkpoint just folded in is due a snapshot.</summary>
    private bool SnapshotDue(JournalEntry checkpoint)
    {
        var since = _fold!.Checkpoints - _lastSnapshot;
        return (checkpoint.Kind == JournalEntryKind.Checkpoint || _fold.Checkpoints % SnapshotInterval == 0)
            && since >= Math.Max(1, _fold.StepCount / SnapshotGrowth);
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
            if (_fold.Add(e) && SnapshotDue(e))
            {
                _lastSnapshot = _fold.Checkpoints;
                snapshot = _fold.ToSnapshot(now);
            }
        }

        return snapshot;
    }
}
