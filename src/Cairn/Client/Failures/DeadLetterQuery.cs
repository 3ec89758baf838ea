namespace Cairn;

/// <summary>Which dead letters to list.</summary>
public sealed record DeadLetterQuery
{
    /// <summary>Gets the workflow, or <see langword="null"/> for every workflow.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets the most runs to list, newest first.</summary>
    /// <value>Defaults to 100.</value>
    public int Limit { get; init; } = 100;
}
