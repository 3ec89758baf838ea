namespace Cairn;

/// <summary>A run did not finish by the deadline of its workflow (<see cref="WorkflowOptions.Deadline"/>); it fails with this error.</summary>
public sealed class RunDeadlineExceededException : CairnException
{
    internal RunDeadlineExceededException(string runId, TimeSpan deadline, DateTimeOffset dueAt)
        : base($"Run '{runId}' did not finish within its deadline of {deadline} (due {dueAt:O}); raise WorkflowOptions.Deadline (timeout: at the top of a definition) if the work needs longer.")
    {
        RunId = runId;
        Deadline = deadline;
        DueAt = dueAt;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }

    /// <summary>Gets the deadline, counted from the run's creation.</summary>
    public TimeSpan Deadline { get; }

    /// <summary>Gets the moment the deadline passed.</summary>
    public DateTimeOffset DueAt { get; }
}
