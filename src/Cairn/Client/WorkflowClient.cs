using System.Text.Json;
using Cairn.Engine;
using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <summary>The <see cref="IWorkflowClient"/> over a store; registered by <c>AddCairn</c>.</summary>
internal sealed partial class WorkflowClient(WorkflowEngine engine, StoreInitializer initializer) : IWorkflowClient
{
    private IWorkflowStore Store => engine.Store;

    public async Task<string> StartAsync(string workflow, object? input = null, StartRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var registration = await engine.Registry.FindAsync(workflow, options?.Version, cancellationToken).ConfigureAwait(false)
            ?? throw await NotRegisteredAsync(workflow, options?.Version, cancellationToken).ConfigureAwait(false);
        var json = input is null ? null : engine.Payloads.Serialize(input, new PayloadSubject("The input of workflow '{0}'", workflow));
        if (registration.CheckInput?.Invoke(json) is { Count: > 0 } problems)
        {
            throw new ArgumentException(
                $"The input does not fit workflow '{workflow}' (version {registration.Version}): {string.Join(" ", problems)} Fix the input to match the workflow's input schema.",
                nameof(input));
        }

        var runId = options?.RunId ?? Guid.NewGuid().ToString("N");
        var host = engine.Host;
        var owner = host?.TryReserveSlot();
        var now = engine.Time.GetUtcNow();
        var run = new NewRun
        {
            RunId = runId,
            Workflow = workflow,
            Version = registration.Version,
            Input = json,
            SessionId = options?.SessionId,
            UserId = options?.UserId,
            Priority = options?.Priority ?? 0,
            CreatedAt = now,
            Owner = owner,
            LeaseUntil = owner is null ? null : now + engine.Options.LeaseDuration,
        };
        bool created;
        try
        {
            created = await Store.CreateRunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (owner is not null)
            {
                host!.Adopt(null);
            }

            throw;
        }

        if (owner is not null)
        {
            host!.Adopt(created ? ToRecord(run) : null);
        }

        if (!created)
        {
            var existing = await Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Workflow != workflow)
            {
                throw new ArgumentException($"Run id '{runId}' already belongs to a run of workflow '{existing.Workflow}'; choose another id.", nameof(options));
            }

            return runId;
        }

        if (owner is null)
        {
            engine.Notifications.RunCreated(runId);
        }

        return runId;
    }

    private async Task<ArgumentException> NotRegisteredAsync(string workflow, int? version, CancellationToken cancellationToken)
    {
        var names = await engine.Registry.GetNamesAsync(cancellationToken).ConfigureAwait(false);
        var known = names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal));
        return names.Contains(workflow) && version is not null
            ? new ArgumentException($"Workflow '{workflow}' has no version {version}; start the latest by leaving StartRunOptions.Version unset.", nameof(version))
            : new ArgumentException($"Workflow '{workflow}' is not registered. Registered: {known}. Register it with AddWorkflow{(engine.Registry.IsStatic ? string.Empty : " or register its definition")}.", nameof(workflow));
    }

    public async Task<RunInfo> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        ToInfo(await RequireAsync(runId, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<RunInfo>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var runs = await Store.ListRunsAsync(query ?? new RunQuery(), cancellationToken).ConfigureAwait(false);
        return runs.Select(ToInfo).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string runId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        return await Store.ReadJournalAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CheckpointInfo>> GetCheckpointsAsync(string runId, CancellationToken cancellationToken = default) =>
        JournalViews.Checkpoints(await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false));

    public async Task<RunProgress> GetProgressAsync(string runId, CancellationToken cancellationToken = default)
    {
        var journal = await GetJournalAsync(runId, cancellationToken).ConfigureAwait(false);
        var running = engine.Host?.FindActive(runId)?.RunningSteps;
        return JournalViews.Progress(journal, running);
    }

    public async Task<RunInfo> WaitForCompletionAsync(string runId, CancellationToken cancellationToken = default)
    {
        // A run this process executes reports its end through the notifications (registered before anything is
        // read, so no end is missed); runs executed elsewhere are polled, starting fast and backing off to the
        // host's poll interval.
        var finished = engine.Notifications.WhenFinished(runId);
        var local = engine.Host?.FindActive(runId) is not null;
        var poll = local ? engine.Options.PollInterval : TimeSpan.FromMilliseconds(50);
        if (!local && await RequireAsync(runId, cancellationToken).ConfigureAwait(false) is { } first && first.Status.IsFinished())
        {
            return ToInfo(first);
        }

        while (true)
        {
            if (await Task.WhenAny(finished, Task.Delay(poll, TimeProvider.System, cancellationToken)).ConfigureAwait(false) == finished
                && finished.Result is { } final)
            {
                return ToInfo(final);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run.Status.IsFinished())
            {
                return ToInfo(run);
            }

            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, engine.Options.PollInterval.Ticks));
        }
    }

    private static RunRecord ToRecord(NewRun run) => new()
    {
        RunId = run.RunId,
        Workflow = run.Workflow,
        Version = run.Version,
        Status = RunStatus.Running,
        Input = run.Input,
        SessionId = run.SessionId,
        UserId = run.UserId,
        Priority = run.Priority,
        CreatedAt = run.CreatedAt,
        UpdatedAt = run.CreatedAt,
        Owner = run.Owner,
        LeaseUntil = run.LeaseUntil,
    };

    private async Task<RunRecord> RequireAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
    }

    private RunInfo ToInfo(RunRecord run) => new()
    {
        RunId = run.RunId,
        Workflow = run.Workflow,
        Version = run.Version,
        Status = run.Status,
        Input = run.Input,
        Output = run.Output,
        Error = run.Error is null ? null : JsonSerializer.Deserialize<FailureInfo>(run.Error, engine.Payloads.Options),
        CreatedAt = run.CreatedAt,
        UpdatedAt = run.UpdatedAt,
        ParentRunId = run.ParentRunId,
        Origin = run.Origin,
        WaitingFor = run.Waits.Select(ToInfo).ToList(),
    };

    private WaitInfo ToInfo(WaitRecord wait)
    {
        var question = wait.Kind == WaitKind.Question && wait.Detail is not null ? JsonSerializer.Deserialize<Question>(wait.Detail, engine.Payloads.Options) : null;
        var (step, failure, _, _) = wait.Kind is WaitKind.Park or WaitKind.Question ? ResolutionPayloads.Read(wait.Detail) : default;
        return new WaitInfo(wait.Position, wait.Kind, wait.Name, wait.DueAt, question, step, failure);
    }
}
