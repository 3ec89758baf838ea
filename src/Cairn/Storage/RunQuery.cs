namespace Cairn.Storage;

/// <summary>Filters for listing runs; newest first.</summary>
public sealed record RunQuery
{
    /// <summary>Gets the status to match, or <see langword="null"/> for any.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>Gets the workflow name to match, or <see langword="null"/> for any.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets the parent run to match (children of it), or <see langword="null"/> for any.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Gets the run to match runs created from (restarts and forks of it), or <see langword="null"/> for any.</summary>
    public string? OriginRunId { get; init; }

    /// <summary>Gets the owning host to match, or <see langword="null"/> for any.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets the earliest creation time to match (runs created at or after it), or <see langword="null"/> for any.</summary>
    public DateTimeOffset? CreatedSince { get; init; }

    /// <summary>Gets whether to match only runs with a pending pause or cancel request.</summary>
    public bool OnlyWithControlRequest { get; init; }

    /// <summary>Gets the most runs to return.</summary>
    /// <value>Defaults to 100.</value>
    public int Limit { get; init; } = 100;
}
