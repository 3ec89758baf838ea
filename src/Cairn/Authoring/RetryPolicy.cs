namespace Cairn;

/// <summary>How often a failing step is tried again and how long to wait in between.</summary>
/// <remarks>Every failed attempt is journaled; the attempt number survives a restart.</remarks>
public sealed record RetryPolicy
{
    /// <summary>Gets a policy that makes one attempt.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Gets the most attempts, the first included.</summary>
    /// <value>Defaults to 1 (no retry).</value>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Gets the wait before the second attempt.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the factor by which each further wait grows.</summary>
    /// <value>Defaults to 2.</value>
    public double BackoffFactor { get; init; } = 2;

    /// <summary>Gets the longest wait.</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets a filter for retryable failures, or <see langword="null"/> to retry any exception.</summary>
    public Func<Exception, bool>? RetryOn { get; init; }

    /// <summary>Creates an exponential policy.</summary>
    /// <param name="maxAttempts">The most attempts.</param>
    /// <param name="initialDelay">The first wait (default 1 s).</param>
    /// <returns>The policy.</returns>
    public static RetryPolicy Exponential(int maxAttempts, TimeSpan? initialDelay = null) =>
        new() { MaxAttempts = maxAttempts, InitialDelay = initialDelay ?? TimeSpan.FromSeconds(1) };

    /// <summary>Returns whether a failed attempt is tried again.</summary>
    /// <param name="error">The failure.</param>
    /// <param name="attempt">The attempt that failed.</param>
    /// <returns><see langword="true"/> to retry.</returns>
    public bool ShouldRetry(Exception error, int attempt) =>
        attempt < MaxAttempts && error is not PayloadException && (RetryOn?.Invoke(error) ?? true);

    /// <summary>Returns the wait before an attempt.</summary>
    /// <param name="attempt">The attempt about to start (2 or more).</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayBefore(int attempt)
    {
        var factor = Math.Pow(BackoffFactor, Math.Max(0, attempt - 2));
        var ticks = Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
