namespace Cairn.Definitions;

/// <summary>A <c>retryOn</c> block: the failures that are retried; any other failure ends the attempts at once.</summary>
public sealed record RetryOnDefinition
{
    /// <summary>Gets the HTTP statuses that are retried (of <c>http</c> steps).</summary>
    public IReadOnlyList<int> Status { get; init; } = [];

    /// <summary>Gets the exit codes that are retried (of <c>exec</c> steps).</summary>
    public IReadOnlyList<int> ExitCode { get; init; } = [];

    /// <summary>Gets whether an attempt that ran out of time (<c>timeout</c>) is retried.</summary>
    public bool Timeout { get; init; }
}
