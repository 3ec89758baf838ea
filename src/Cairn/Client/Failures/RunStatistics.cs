namespace Cairn;

/// <summary>Error statistics over runs, per workflow.</summary>
/// <param name="Since">The earliest creation time of the runs covered, or <see langword="null"/> for every run.</param>
/// <param name="Runs">How many runs are covered.</param>
/// <param name="Workflows">The statistics of each workflow, by name.</param>
public sealed record RunStatistics(DateTimeOffset? Since, int Runs, IReadOnlyList<WorkflowStatistics> Workflows);
