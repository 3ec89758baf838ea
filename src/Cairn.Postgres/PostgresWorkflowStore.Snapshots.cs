using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>State snapshots at checkpoints.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var found = await Reads.ListAsync(Source, Snapshots.SelectNearest, Rows.ReadSnapshot, cancellationToken, Db.Text(runId), Db.Int64(atOrBefore)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StateSnapshot>> ListSnapshotsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await Reads.ListAsync(Source, Snapshots.SelectAll, Rows.ReadSnapshot, cancellationToken, Db.Text(runId)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> ThinSnapshotsAsync(string runId, int keepLast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Db.ExecuteAsync(connection, null, Snapshots.ThinSql, cancellationToken, Db.Text(runId), Db.Int64(keepLast)).ConfigureAwait(false);
        }
    }
}
