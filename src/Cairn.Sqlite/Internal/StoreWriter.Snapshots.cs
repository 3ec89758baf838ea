namespace Cairn.Sqlite.Internal;

/// <content>Thinning state snapshots on request; the journal is not touched.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Deletes all but the newest snapshots of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="keepLast">How many to keep.</param>
    /// <returns>How many were deleted.</returns>
    public int ThinSnapshots(string runId, int keepLast) =>
        _s.ThinSnapshots.Bind(1, runId).Bind(2, (long)keepLast).Execute();
}
