using Cairn.Storage;

namespace Cairn.Memory;

/// <content>State snapshots at checkpoints.</content>
public sealed partial class InMemoryWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_runs.TryGetValue(runId, out var s) ? s.StateSnapshots.LastOrDefault(x => x.Sequence <= atOrBefore) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StateSnapshot>> ListSnapshotsAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StateSnapshot> snapshots = _runs.TryGetValue(runId, out var s) ? s.StateSnapshots.ToArray() : [];
            return ValueTask.FromResult(snapshots);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> ThinSnapshotsAsync(string runId, int keepLast, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        lock (_gate)
        {
            return ValueTask.FromResult(_runs.TryGetValue(runId, out var s) ? Thin(s, keepLast) : 0);
        }
    }

    /// <summary>Deletes all but the newest <paramref name="keepLast"/> snapshots of a run; returns how many went.</summary>
    private static int Thin(RunState s, int keepLast)
    {
        var excess = Math.Max(0, s.StateSnapshots.Count - keepLast);
        s.StateSnapshots.RemoveRange(0, excess);
        return excess;
    }
}
