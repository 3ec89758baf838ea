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
        CheckpointViews.At(runId, await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false), checkpoint);

    public async Task<CheckpointDiff> DiffCheckpointsAsync(string runId, int from, int to, CancellationToken cancellationToken = default) =>
        CheckpointViews.Diff(runId, await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false), from, to);

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
