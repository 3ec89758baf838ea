using System.Runtime.CompilerServices;
using Cairn.Journal;

namespace Cairn.Engine;

/// <content>Steps: replayed from the journal, or executed, committed and then handed back.</content>
internal sealed partial class RunExecution
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Task<T> Step<T>(string position, string name, Func<StepContext, Task<T>> body, StepOptions? options)
    {
        var recorded = _log.Match(RunId, position, CallClass.Step, name);
        if (recorded?.Final is { } final)
        {
            return final.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepSkipped
                ? Task.FromResult(_engine.Payloads.Deserialize<T>(final.Payload))
                : Task.FromException<T>(RecordedFailure(name, position, final));
        }

        if (BlockedTask<T>() is { } blocked)
        {
            return blocked;
        }

        var call = new StepCall<T>(position, name, body, Plan(options));
        Resume(call, recorded);
        Enter();
        _ = RunAttemptsAsync(call);
        return call.Done.Task;
    }

    /// <summary>Returns a task to hand back instead of starting live work when the run is cancelled or pausing.</summary>
    internal Task<T>? BlockedTask<T>()
    {
        if (_cancel.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(_cancel.Token);
        }

        return _pauseRequested ? ParkThen<T>() : null;
    }

    /// <summary>Applies the workflow's defaults to a step's options, and checks them.</summary>
    private StepPlan Plan(StepOptions? options)
    {
        var defaults = _workflow.Options;
        if (options is null && ReferenceEquals(defaults, WorkflowOptions.Default))
        {
            return StepPlan.Simple;
        }

        if (options?.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The options of a step are not valid: {string.Join(" ", problems)}", nameof(options));
        }

        return new StepPlan(
            options?.Retry ?? defaults.Retry ?? RetryPolicy.None,
            options?.Timeout ?? defaults.StepTimeout,
            options?.SideEffecting ?? false,
            EndsWithFailure: true);
    }

    /// <summary>Continues a step from what its journal holds: the attempts made, and when the next one is due.</summary>
    private static void Resume<T>(StepCall<T> call, Recorded? recorded)
    {
        if (recorded is null)
        {
            return;
        }

        call.Attempt = recorded.Attempts + 1;
        if (recorded.AttemptFailures is [.., var last] && last.Attempt == recorded.Attempts && AttemptPayloads.RetryAt(last.Payload) is { } retryAt)
        {
            call.RetryAt = retryAt;
            call.WaitOpen = true;
        }
    }

    private async Task<T> ParkThen<T>()
    {
        await Park().ConfigureAwait(false);
        _cancel.Token.ThrowIfCancellationRequested();
        throw new InvalidOperationException("A parked primitive was released without cancellation; the run resumes from its journal.");
    }

    private StepFailedException RecordedFailure(string name, string position, JournalEntry final)
    {
        var failure = _engine.Payloads.Deserialize<FailureInfo>(final.Payload);
        return new StepFailedException(RunId, name, position, final.Attempt, failure, null);
    }
}
