using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <content>Resolving failed steps: parked or escalated ones get the resolution; a failed run is resumed.</content>
internal sealed partial class WorkflowClient
{
    public async Task<RunStatus> ResolveAsync(string runId, Resolution resolution, string? step = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        var open = run.Waits.Where(IsResolvable).Where(w => step is null || ResolutionPayloads.Read(w.Detail).Step == step).OrderBy(w => w.Position, StringComparer.Ordinal).ToList();
        const string What = "a resolution";
        if (run.Status == RunStatus.Failed && open.Count == 0)
        {
            return await ResolveFailedAsync(run, resolution, step, cancellationToken).ConfigureAwait(false);
        }

        if (run.Status.IsFinished())
        {
            throw new RunNotWaitingException(runId, What, $"it has finished ({run.Status.ToWireName()})");
        }

        var wait = open.Count switch
        {
            0 => throw new RunNotWaitingException(runId, What, step is null
                ? $"no step of it is parked or escalated (status {run.Status.ToWireName()})"
                : $"step '{step}' is not parked or escalated (status {run.Status.ToWireName()})"),
            1 => open[0],
            _ => throw new ArgumentException(
                $"Run '{runId}' has {open.Count} steps waiting for a resolution ({string.Join(", ", open.Select(w => $"'{ResolutionPayloads.Read(w.Detail).Step}' at {w.Position}"))}); name the step to resolve.",
                nameof(step)),
        };
        var outcome = await Store.SendSignalAsync(runId, wait.Name, ResolutionPayloads.Resolve(resolution), requireOpenWait: true, engine.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Check(outcome, runId, What, wait.Name);
        engine.Notifications.Signalled(runId);
        return (await RequireAsync(runId, cancellationToken).ConfigureAwait(false)).Status;
    }

    /// <summary>Whether a wait asks for a resolution: a step parked by its failure policy, or an escalation's question.</summary>
    internal static bool IsResolvable(WaitRecord wait) =>
        (wait.Kind == WaitKind.Park && wait.DueAt is null) || (wait.Kind == WaitKind.Question && ResolutionPayloads.Read(wait.Detail).Failure is not null);

    private async Task<RunStatus> ResolveFailedAsync(RunRecord run, Resolution resolution, string? step, CancellationToken cancellationToken)
    {
        var request = resolution.Action switch
        {
            ResolutionAction.Retry => new ResumeRequest { Strategy = ResumeStrategy.RetryFailed },
            ResolutionAction.Skip => new ResumeRequest { Strategy = ResumeStrategy.SkipFailed, StepId = step, Value = resolution.Value },
            _ => throw new RunNotWaitingException(run.RunId, "a resolution", "it has failed already; retry or skip its failed step to continue it"),
        };
        await ResumeAsync(run.RunId, request, cancellationToken).ConfigureAwait(false);
        return (await RequireAsync(run.RunId, cancellationToken).ConfigureAwait(false)).Status;
    }
}
