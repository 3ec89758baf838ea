namespace Cairn.Storage;

/// <summary>Helpers over <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>Returns whether the status is final (completed, failed or cancelled).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the run will never execute again by itself.</returns>
    public static bool IsFinished(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>Returns whether the run is unloaded until a wake time or a signal (suspended or parked).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="RunStatus.Suspended"/> and <see cref="RunStatus.Parked"/>.</returns>
    public static bool IsWaiting(this RunStatus status) => status is RunStatus.Suspended or RunStatus.Parked;

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
        RunStatus.Parked => "parked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };
}
