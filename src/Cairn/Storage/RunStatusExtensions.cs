namespace Cairn.Storage;

/// <summary>Helpers over <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>Returns whether the status is final (completed, failed or cancelled).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the run will never execute again by itself.</returns>
    public static bool IsFinished(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>Returns the lower-case name used in JSON and on the command line.</summary>
    /// <param name="status">The status.</param>
    /// <returns>For example <c>suspended</c>.</returns>
    public static string ToWireName(this RunStatus status) => status switch
    {
        RunStatus.Pending => "pending",
        RunStatus.Running => "running",
        RunStatus.Suspended => "suspended",
        RunStatus.Paused => "paused",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };
}
