namespace Cairn.Definitions;

/// <summary>A step's <c>retry</c> block.</summary>
public sealed record RetryDefinition
{
    /// <summary>Gets the number of attempts including the first.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets the wait before the second attempt.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the factor the wait grows by after each failed attempt.</summary>
    public double Backoff { get; init; } = 2;

    /// <summary>Gets the longest wait, or <see langword="null"/> for no cap.</summary>
    public TimeSpan? MaxDelay { get; init; }
}
