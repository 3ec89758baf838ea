using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Ending a load: completing, failing, cancelling, suspending or pausing the run.</content>
internal sealed partial class RunExecution
{
    private async Task<RunOutcome> FinishAsync(Task<object?> root)
    {
        if (root.IsCompletedSuccessfully && _log.FirstUnvisited() is { } missed)
        {
            var error = new NonDeterminismException(RunId, missed.Position, missed.Call.Describe(), "nothing (the workflow finished without reaching it)");
            return await EndAsync(RunStatus.Failed, null, error).ConfigureAwait(false);
        }

        if (root.IsCompletedSuccessfully)
        {
            string output;
            try
            {
                output = _engine.Payloads.Serialize(root.Result, new PayloadSubject("The output of run '{0}'", RunId));
            }
            catch (PayloadException e)
            {
                return await EndAsync(RunStatus.Failed, null, e).ConfigureAwait(false);
            }

            return await EndAsync(RunStatus.Completed, output, null).ConfigureAwait(false);
        }

        var exception = root.Exception?.InnerException ?? new TaskCanceledException(root);
        if (_fatal is { } fatal)
        {
            return Abandon(fatal);
        }

        if (_deadlinePassed)
        {
            return await EndAsync(RunStatus.Failed, null, DeadlineExceeded()).ConfigureAwait(false);
        }

        return _cancel.IsCancellationRequested
            ? await EndAsync(RunStatus.Cancelled, null, exception).ConfigureAwait(false)
            : await EndAsync(RunStatus.Failed, null, exception).ConfigureAwait(false);
    }

    private async Task<RunOutcome> EndAsync(RunStatus status, string? output, Exception? error)
    {
        lock (_gate)
        {
            _closed = true;
        }

        var failure = error is null ? null : _engine.Payloads.Serialize(Describe(error), new PayloadSubject("The run's failure"));
        var kind = status switch
        {
            RunStatus.Completed => JournalEntryKind.RunCompleted,
            RunStatus.Cancelled => JournalEntryKind.RunCancelled,
            _ => JournalEntryKind.RunFailed,
        };
        OutgoingSignal? toParent = Run.ParentRunId is { } parent
            ? new OutgoingSignal(parent, ChildNames.Signal(RunId), ChildNames.Result(status, output, failure))
            : null;
        await CommitAsync(
            new Draft(kind, null, Run.Workflow, output ?? failure),
            new CommitExtras { Status = status, Output = output, Error = failure, Release = true, ClearControl = true, Signal = toParent }).ConfigureAwait(false);
        Log.RunFinished(_engine.Logger, RunId, status.ToWireName());
        var now = _engine.Time.GetUtcNow();
        _engine.Notifications.StatusChanged(RunId, status, Run with { Status = status, Output = output, Error = failure, UpdatedAt = now, Owner = null, LeaseUntil = null, Control = RunControl.None, Waits = [] });
        if (toParent is not null)
        {
            _engine.Notifications.Signalled(toParent.RunId);
        }

        return status switch
        {
            RunStatus.Completed => RunOutcome.Completed,
            RunStatus.Cancelled => RunOutcome.Cancelled,
            _ => RunOutcome.Failed,
        };
    }

    private async Task<RunOutcome> UnloadAsync()
    {
        DateTimeOffset? wakeAt;
        bool parked;
        lock (_gate)
        {
            wakeAt = _waiters.Values.Select(w => w.Wait.DueAt).Where(d => d is not null).Min();
            parked = _waiters.Values.Any(w => w.Wait.Kind == WaitKind.Park);
        }

        if (_pauseRequested)
        {
            await CommitAsync(
                new Draft(JournalEntryKind.RunPaused, null, null, null),
                new CommitExtras { Status = RunStatus.Paused, Release = true, ClearControl = true }).ConfigureAwait(false);
            _engine.Notifications.StatusChanged(RunId, RunStatus.Paused);
            return RunOutcome.Paused;
        }

        var status = parked ? RunStatus.Parked : RunStatus.Suspended;
        await CommitAsync([], new CommitExtras { Status = status, WakeAt = WithDeadline(wakeAt), Release = true }).ConfigureAwait(false);
        _engine.Notifications.StatusChanged(RunId, status);
        return RunOutcome.Suspended;
    }

    /// <summary>A failure as the run stores it: captured, then passed through the workflow's <see cref="WorkflowOptions.RedactFailure"/>.</summary>
    internal FailureInfo Describe(Exception error) => Redact(FailureInfo.From(error));

    /// <summary>Passes a failure through the workflow's <see cref="WorkflowOptions.RedactFailure"/>, if it has one.</summary>
    internal FailureInfo Redact(FailureInfo failure) => _workflow.Options.RedactFailure is { } redact ? redact(failure) : failure;
}
