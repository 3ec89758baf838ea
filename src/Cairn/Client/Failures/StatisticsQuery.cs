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

    /// <summary>Gets how many of the most frequent errors to list per workflow.</summary>
    /// <value>Defaults to 10.</value>
    public int TopErrors { get; init; } = 10;
}
