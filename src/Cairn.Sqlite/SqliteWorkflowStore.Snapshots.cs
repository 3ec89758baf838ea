using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>State snapshots at checkpoints.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ReadSnapshot(runId, atOrBefore)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StateSnapshot>> ListSnapshotsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ListSnapshots(runId)));
    }

    /// <inheritdoc />
    public async ValueTask<int> ThinSnapshotsAsync(string runId, int keepLast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.ThinSnapshots(runId, keepLast)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
