using Cairn.Storage;

namespace Cairn;

/// <content>Retention: deleting finished runs, never live ones.</content>
internal sealed partial class WorkflowClient
{
    private static readonly RunStatus[] FinishedStatuses = [RunStatus.Completed, RunStatus.Failed, RunStatus.Cancelled];

    public async Task<PurgeResult> PurgeAsync(PurgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is { } status && !status.IsFinished())
        {
            throw new ArgumentException($"Only finished runs can be deleted; status '{status.ToWireName()}' is not finished. Use completed, failed or cancelled.", nameof(request));
        }

        if (request.KeepLast is < 0 || request.OlderThan < TimeSpan.Zero)
        {
            throw new ArgumentException("KeepLast and OlderThan cannot be negative.", nameof(request));
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var matching = new List<RunRecord>();
        foreach (var s in request.Status is { } only ? [only] : FinishedStatuses)
        {
            matching.AddRange(await Store.ListRunsAsync(new RunQuery { Status = s, Workflow = request.Workflow, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false));
        }

        var cutoff = request.OlderThan is { } age ? engine.Time.GetUtcNow() - age : (DateTimeOffset?)null;
        var candidates = matching
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .Skip(request.KeepLast ?? 0)
            .Where(r => cutoff is null || r.UpdatedAt <= cutoff)
            .Reverse()
            .ToList();
        var deleted = new List<string>();
        var spared = new List<PurgeSpared>();
        foreach (var run in candidates)
        {
            var outcome = request.DryRun
                ? await WouldDeleteAsync(run, cancellationToken).ConfigureAwait(false)
                : await Store.DeleteRunAsync(run.RunId, cancellationToken).ConfigureAwait(false);
            if (outcome == DeleteRunOutcome.Deleted)
            {
                deleted.Add(run.RunId);
                if (!request.DryRun)
                {
                    Log.RunPurged(engine.Logger, run.RunId);
                }
            }
            else if (outcome != DeleteRunOutcome.NotFound)
            {
                spared.Add(new PurgeSpared(run.RunId, outcome));
            }
        }

        return new PurgeResult(deleted, spared, request.DryRun);
    }

    /// <summary>Checks what <see cref="IWorkflowStore.DeleteRunAsync"/> would say, without deleting.</summary>
    private async Task<DeleteRunOutcome> WouldDeleteAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var children = await Store.ListRunsAsync(new RunQuery { ParentRunId = run.RunId, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        if (children.Any(c => !c.Status.IsFinished()))
        {
            return DeleteRunOutcome.ChildActive;
        }

        return run.ParentRunId is { } parent && await Store.GetRunAsync(parent, cancellationToken).ConfigureAwait(false) is { } p && !p.Status.IsFinished()
            ? DeleteRunOutcome.ParentActive
            : DeleteRunOutcome.Deleted;
    }
}
