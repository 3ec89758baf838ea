namespace Cairn;

/// <summary>Which runs error statistics cover.</summary>
public sealed record StatisticsQuery
{
    /// <summary>Gets the workflow, or <see langword="null"/> for every workflow.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets the earliest creation time of the runs covered, or <see langword="null"/> for every run.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the most runs covered, newest first.</summary>
    /// <value>Defaults to 10,000.</value>
    public int Limit { get; init; } = 10_000;

    /// <summary>Gets what type a step is, from its workflow, version and name (a definition's step type, such as <c>http</c>), or <see langword="null"/> to leave <see cref="WorkflowStatistics.StepTypes"/> empty.</summary>
    /// <value>Defaults to <see langword="null"/>. Steps whose type it does not know (it returns <see langword="null"/>) count as type <c>step</c>.</value>
    public Func<string, int, string, string?>? StepType { get; init; }

    /// <summary>Gets how many of the most frequent errors to list per workflow.</summary>
    /// <value>Defaults to 10.</value>
    public int TopErrors { get; init; } = 10;
}
