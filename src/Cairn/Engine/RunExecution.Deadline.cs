namespace Cairn.Engine;

/// <content>The run's deadline (<see cref="WorkflowOptions.Deadline"/>), counted from the run's creation.</content>
internal sealed partial class RunExecution
{
    private volatile bool _deadlinePassed;

    /// <summary>Gets when the run must have finished, or <see langword="null"/> when its workflow sets no deadline.</summary>
    private DateTimeOffset? DeadlineAt => _workflow.Options.Deadline is { } deadline ? Run.CreatedAt + deadline : null;

    /// <summary>Returns whether the deadline has passed already; otherwise arms a timer that cancels the run's work when it passes.</summary>
    private bool DeadlinePassedOrArm()
    {
        if (DeadlineAt is not { } due)
        {
            return false;
        }

        var left = due - _engine.Time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _deadlinePassed = true;
            return true;
        }

        lock (_gate)
        {
            _timers.Add(_engine.Time.CreateTimer(_ => OnDeadline(), null, left, Timeout.InfiniteTimeSpan));
        }

        return false;
    }

    private void OnDeadline()
    {
        if (_deadlinePassed)
        {
            return;
        }

        _deadlinePassed = true;
        if (!_cancel.IsCancellationRequested)
        {
            _cancel.Cancel();
            FailWaitersOnCancel();
            ReleaseParked();
        }

        WakeExecutor();
    }

    private RunDeadlineExceededException DeadlineExceeded() =>
        new(RunId, _workflow.Options.Deadline ?? TimeSpan.Zero, DeadlineAt ?? Run.CreatedAt);

    /// <summary>Returns the earlier of a wake time and the deadline.</summary>
    private DateTimeOffset? WithDeadline(DateTimeOffset? wakeAt) =>
        DeadlineAt is { } due && (wakeAt is null || due < wakeAt) ? due : wakeAt;
}
