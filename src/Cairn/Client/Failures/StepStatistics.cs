namespace Cairn;

/// <summary>The statistics of one step (by name) or one step type of a workflow.</summary>
/// <param name="Step">The step's name, or the step type.</param>
/// <param name="Completed">How often it completed.</param>
/// <param name="Failed">How often it failed for good.</param>
/// <param name="Skipped">How often it was skipped.</param>
/// <param name="FailedAttempts">How many of its attempts failed, retried or not.</param>
/// <param name="Durations">The durations of its last attempts (completed or failed for good).</param>
public sealed record StepStatistics(string Step, int Completed, int Failed, int Skipped, int FailedAttempts, DurationSummary Durations);
