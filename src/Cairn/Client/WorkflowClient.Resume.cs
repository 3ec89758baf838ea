using Cairn.Engine;
using Cairn.Hosting;
using Cairn.Resume;
using Cairn.Storage;

namespace Cairn;

/// <content>Resume strategies: plan from the journal, then apply the plan's store change if the run has not changed meanwhile.</content>
internal sealed partial class WorkflowClient
{
    private const int ResumeAttempts = 5;

    public async Task<ResumePlan> ResumeAsync(string runId, ResumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
            var registration = await CheckResumeRequestAsync(run, request, cancellationToken).ConfigureAwait(false);
            var journal = await Store.ReadJournalAsync(runId, cancellationToken).ConfigureAwait(false);
            var branches = await Store.ReadJournalBranchesAsync(runId, cancellationToken).ConfigureAwait(false);
            var now = engine.Time.GetUtcNow();
            var context = new ResumeContext(run, journal, branches.Count, request, IsExecuting(run, now), now, request.NewRunId ?? Guid.NewGuid().ToString("N"))
            {
                StepsAfter = registration?.StepsAfter,
            };
            var decision = ResumePlanner.Plan(context);
            if (request.DryRun || !decision.Plan.ChangesRun)
            {
                return decision.Plan;
            }

            if (await ApplyAsync(decision, request, cancellationToken).ConfigureAwait(false))
            {
                var plan = decision.Plan;
                Log.RunResumed(engine.Logger, runId, plan.Strategy.ToWireName(), plan.ContinuingRunId, plan.Rerun.Count, plan.ArchivedEntries);
                return plan;
            }

            if (attempt == ResumeAttempts)
            {
                throw new ResumeNotPossibleException(runId, request.Strategy, "it kept changing while the resume was applied (a host is working on it); try again.");
            }
        }
    }

    private static bool IsExecuting(RunRecord run, DateTimeOffset now) =>
        run.Status == RunStatus.Running
        && run.Owner is { } owner
        && !(run.LeaseUntil is { } lease && lease < now)
        && !OwnerId.IsDeadProcessOnThisMachine(owner);

    /// <summary>Checks the request against the workflow the run continues with, and returns that workflow (<see langword="null"/> when no host here knows it).</summary>
    private async Task<WorkflowRegistration?> CheckResumeRequestAsync(RunRecord run, ResumeRequest request, CancellationToken cancellationToken)
    {
        var version = request.Version ?? run.Version;
        var registration = await engine.Registry.FindAsync(run.Workflow, version, cancellationToken).ConfigureAwait(false);
        if (request.Version is not null && (registration is null || registration.Version != version))
        {
            throw new ArgumentException($"Workflow '{run.Workflow}' has no version {version}; register that version first, or leave the version unset to keep version {run.Version}.", nameof(request));
        }

        if (request.Input is { } input && registration?.CheckInput?.Invoke(input.GetRawText()) is { Count: > 0 } problems)
        {
            throw new ArgumentException(
                $"The new input does not fit workflow '{run.Workflow}' (version {version}): {string.Join(" ", problems)} Fix the input to match the workflow's input schema.",
                nameof(request));
        }

        if (request.NewRunId is { } id && request.Strategy is not (ResumeStrategy.Restart or ResumeStrategy.Fork or ResumeStrategy.Auto))
        {
            throw new ArgumentException($"A new run id ('{id}') only applies to restart and fork; {request.Strategy.ToWireName()} continues run '{run.RunId}' itself.", nameof(request));
        }

        return registration;
    }

    private async Task<bool> ApplyAsync(ResumeDecision decision, ResumeRequest request, CancellationToken cancellationToken)
    {
        var plan = decision.Plan;
        var results = await FinishedChildResultsAsync(decision.AwaitedChildren, plan.ContinuingRunId, cancellationToken).ConfigureAwait(false);
        if (decision.Rewind is { } rewind)
        {
            if (!await Store.RewindRunAsync(rewind with { Signals = [.. rewind.Signals, .. results] }, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            engine.Notifications.StatusChanged(rewind.RunId, rewind.Status);
            engine.Notifications.RunCreated(rewind.RunId);
            return true;
        }

        if (decision.Create is { } create)
        {
            var signals = results.Select(s => new SignalRecord(0, s.RunId, s.Name, s.Payload, create.Run.CreatedAt)).ToList();
            if (!await Store.ImportRunAsync(create with { Signals = signals }, cancellationToken).ConfigureAwait(false))
            {
                return request.NewRunId is null
                    ? false
                    : throw new ArgumentException($"A run with id '{request.NewRunId}' exists already; choose another id for the new run.", nameof(request));
            }

            engine.Notifications.RunCreated(create.Run.RunId);
            return true;
        }

        if (decision.Unpause)
        {
            await ResumeAsync(plan.RunId, cancellationToken).ConfigureAwait(false);
        }
        else if (decision.ReleaseOwner is { } owner)
        {
            await Store.ReleaseOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
            engine.Notifications.RunCreated(plan.RunId);
        }

        return true;
    }

    /// <summary>The results of awaited child runs that have finished, to deliver again: the signal that ended each wait was consumed by the discarded journal.</summary>
    private async Task<List<OutgoingSignal>> FinishedChildResultsAsync(IReadOnlyList<string> children, string runId, CancellationToken cancellationToken)
    {
        var signals = new List<OutgoingSignal>();
        if (children.Count == 0)
        {
            return signals;
        }

        var inbox = await Store.ReadSignalsAsync(runId, cancellationToken).ConfigureAwait(false);
        foreach (var id in children)
        {
            if (!inbox.Any(s => s.Name == ChildNames.Signal(id))
                && await Store.GetRunAsync(id, cancellationToken).ConfigureAwait(false) is { } child && child.Status.IsFinished())
            {
                signals.Add(new OutgoingSignal(runId, ChildNames.Signal(id), ChildNames.Result(child.Status, child.Output, child.Error)));
            }
        }

        return signals;
    }
}
