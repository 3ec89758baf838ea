using Cairn.Storage;

namespace Cairn;

/// <summary>Error statistics of one workflow's runs.</summary>
public sealed record WorkflowStatistics
{
    /// <summary>Gets the workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets how many runs are covered.</summary>
    public int Total { get; init; }

    /// <summary>Gets the runs by status (every status, zero included).</summary>
    public required IReadOnlyDictionary<RunStatus, int> Runs { get; init; }

    /// <summary>Gets the failed runs among the completed and failed ones (0 to 1), or <see langword="null"/> when none has ended so.</summary>
    public double? ErrorRate { get; init; }

    /// <summary>Gets the durations of the completed and failed runs, from creation to their end.</summary>
    public required DurationSummary RunDurations { get; init; }

    /// <summary>Gets each step's statistics, by name.</summary>
    public IReadOnlyList<StepStatistics> Steps { get; init; } = [];

    /// <summary>Gets the statistics of each step type, by type, when <see cref="StatisticsQuery.StepType"/> names the types; otherwise empty.</summary>
    public IReadOnlyList<StepStatistics> StepTypes { get; init; } = [];

    /// <summary>Gets the most frequent errors (failed attempts, failed steps and run failures of their own), most frequent first.</summary>
    public IReadOnlyList<ErrorCount> TopErrors { get; init; } = [];
}
