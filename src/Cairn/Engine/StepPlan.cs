namespace Cairn.Engine;

/// <summary>A step's settings after the workflow's defaults are applied.</summary>
/// <param name="Retry">The retry policy.</param>
/// <param name="Timeout">The time-out of one attempt, if any.</param>
/// <param name="SideEffecting">Whether the step's start is journaled before its body runs.</param>
/// <param name="EndsWithFailure">Whether the last failed attempt is journaled as the step's failure (<see langword="false"/> when a failure policy takes over).</param>
internal sealed record StepPlan(RetryPolicy Retry, TimeSpan? Timeout, bool SideEffecting, bool EndsWithFailure)
{
    /// <summary>Gets the plan of a step without options in a workflow without defaults.</summary>
    public static StepPlan Simple { get; } = new(RetryPolicy.None, null, false, true);
}
