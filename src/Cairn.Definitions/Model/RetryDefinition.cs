namespace Cairn.Definitions;

/// <summary>A step's <c>retry</c> block (or the definition's, the default of every step that does work).</summary>
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

    /// <summary>Gets how much each wait varies at random, as a fraction of it either way (0 to 1).</summary>
    public double Jitter { get; init; }

    /// <summary>Gets which failures are retried, or <see langword="null"/> for any.</summary>
    public RetryOnDefinition? RetryOn { get; init; }
}
