using Cairn.Storage;

namespace Cairn;

/// <content>Retention of state snapshots: thinning them leaves journals as they are.</content>
internal sealed partial class WorkflowClient
{
    public async Task<SnapshotThinningResult> ThinSnapshotsAsync(SnapshotThinning request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KeepLast < 0)
        {
            throw new ArgumentException($"KeepLast is {request.KeepLast}; it cannot be negative.", nameof(request));
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var runs = await Store.ListRunsAsync(new RunQuery { Workflow = request.Workflow, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var (touched, deleted) = (0, 0);
        foreach (var run in runs)
        {
            var count = request.DryRun
                ? Math.Max(0, (await Store.ListSnapshotsAsync(run.RunId, cancellationToken).ConfigureAwait(false)).Count - request.KeepLast)
                : await Store.ThinSnapshotsAsync(run.RunId, request.KeepLast, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                touched++;
                deleted += count;
            }
        }

        return new SnapshotThinningResult(touched, deleted, request.DryRun);
    }
}
