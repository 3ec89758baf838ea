using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <content>Archived branches, checkpoint views and lineage.</content>
internal sealed partial class WorkflowClient
{
    public async Task<IReadOnlyList<JournalBranch>> GetJournalBranchesAsync(string runId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        return await Store.ReadJournalBranchesAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CheckpointState> GetCheckpointStateAsync(string runId, int checkpoint, CancellationToken cancellationToken = default) =>
        await CheckpointAtAsync(runId, await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false), checkpoint, cancellationToken).ConfigureAwait(false);

    public async Task<CheckpointDiff> DiffCheckpointsAsync(string runId, int from, int to, CancellationToken cancellationToken = default)
    {
        var journal = await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false);
        var a = await CheckpointAtAsync(runId, journal, from, cancellationToken).ConfigureAwait(false);
        var b = await CheckpointAtAsync(runId, journal, to, cancellationToken).ConfigureAwait(false);
        return CheckpointViews.Diff(a, b);
    }

    /// <summary>Builds a checkpoint's view from the nearest state snapshot at or before it plus the journal after that.</summary>
    private async Task<CheckpointState> CheckpointAtAsync(string runId, IReadOnlyList<JournalEntry> journal, int checkpoint, CancellationToken cancellationToken)
    {
        var through = CheckpointViews.Through(runId, journal, checkpoint);
        var snapshot = await Store.ReadSnapshotAsync(runId, through, cancellationToken).ConfigureAwait(false);
        return CheckpointViews.At(runId, journal, checkpoint, snapshot);
    }

    public async Task<RunLineage> GetLineageAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal) { runId };
        var ancestors = new List<RunInfo>();
        for (var origin = run.Origin; origin is not null && seen.Add(origin.RunId);)
        {
            if (await Store.GetRunAsync(origin.RunId, cancellationToken).ConfigureAwait(false) is not { } parent)
            {
                break;
            }

            ancestors.Add(ToInfo(parent));
            origin = parent.Origin;
        }

        var descendants = new List<RunInfo>();
        var queue = new Queue<string>([runId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var derived in await Store.ListRunsAsync(new RunQuery { OriginRunId = id, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(derived.RunId))
                {
                    descendants.Add(ToInfo(derived));
                    queue.Enqueue(derived.RunId);
                }
            }
        }

        return new RunLineage(runId, run.Origin, ancestors, descendants);
    }
}
