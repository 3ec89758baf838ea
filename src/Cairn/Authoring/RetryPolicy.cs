using System.Globalization;

namespace Cairn;

/// <summary>How often a failing step is tried again, how long to wait in between, and which failures are worth another attempt.</summary>
/// <remarks>
/// Every failed attempt is journaled with the time of the next one; the attempt number survives a restart. A wait
/// longer than <see cref="Hosting.CairnOptions.HoldTimersInMemoryUnder"/> is a durable timer: the run is unloaded
/// until the retry is due, holds no thread and no memory, and a host started after a crash retries it on time.
/// </remarks>
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

    /// <summary>Gets the longest wait (before jitter); a longer <see cref="InitialDelay"/> is kept as it is.</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how much each wait varies at random, as a fraction of it either way: with 0.2, a 10 s wait lasts between 8 and 12 s.</summary>
    /// <remarks>Spreads the retries of many runs that failed together. The wait drawn is journaled, so replay never draws again.</remarks>
    /// <value>Defaults to 0 (no jitter). Between 0 and 1.</value>
    public double Jitter { get; init; }

    /// <summary>Gets a filter for retryable failures, or <see langword="null"/>.</summary>
    /// <value>Defaults to <see langword="null"/>. See <see cref="IsRetryable"/> for how the filters combine.</value>
    public Func<Exception, bool>? RetryOn { get; init; }

    /// <summary>Gets the exception types that are retried (a subtype matches too).</summary>
    /// <value>Defaults to none. See <see cref="IsRetryable"/> for how the filters combine.</value>
    public IReadOnlyList<Type> RetryOnExceptions { get; init; } = [];

    /// <summary>Gets the HTTP statuses that are retried: of failures that implement <see cref="IHttpStatusFailure"/> or are an <see cref="HttpRequestException"/> with a status.</summary>
    /// <value>Defaults to none. See <see cref="IsRetryable"/> for how the filters combine.</value>
    public IReadOnlyCollection<int> RetryOnStatusCodes { get; init; } = [];

    /// <summary>Gets the process exit codes that are retried: of failures that implement <see cref="IExitCodeFailure"/>.</summary>
    /// <value>Defaults to none. See <see cref="IsRetryable"/> for how the filters combine.</value>
    public IReadOnlyCollection<int> RetryOnExitCodes { get; init; } = [];

    /// <summary>Gets whether any of the retryable-failure filters is set.</summary>
    public bool HasFilters => RetryOn is not null || RetryOnExceptions.Count > 0 || RetryOnStatusCodes.Count > 0 || RetryOnExitCodes.Count > 0;

    /// <summary>Creates an exponential policy.</summary>
    /// <param name="maxAttempts">The most attempts.</param>
    /// <param name="initialDelay">The first wait (default 1 s).</param>
    /// <returns>The policy.</returns>
    public static RetryPolicy Exponential(int maxAttempts, TimeSpan? initialDelay = null) =>
        new() { MaxAttempts = maxAttempts, InitialDelay = initialDelay ?? TimeSpan.FromSeconds(1) };

    /// <summary>Returns whether a failed attempt is tried again: attempts are left and the failure is retryable.</summary>
    /// <param name="error">The failure.</param>
    /// <param name="attempt">The attempt that failed (counted from the first attempt of this policy).</param>
    /// <returns><see langword="true"/> to retry.</returns>
    public bool ShouldRetry(Exception error, int attempt) => attempt < MaxAttempts && IsRetryable(error);

    /// <summary>
    /// Returns whether a failure is worth another attempt. With no filter set, every failure is, except a result that
    /// cannot be stored (<see cref="PayloadException"/>). With filters set, a failure is retryable when it matches any of
    /// them: <see cref="RetryOn"/>, an exception type, an HTTP status or an exit code.
    /// </summary>
    /// <param name="error">The failure.</param>
    /// <returns><see langword="true"/> when retryable.</returns>
    public bool IsRetryable(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is PayloadException)
        {
            return false;
        }

        if (!HasFilters)
        {
            return true;
        }

        if (RetryOn?.Invoke(error) == true || RetryOnExceptions.Any(t => t.IsInstanceOfType(error)))
        {
            return true;
        }

        if (RetryOnStatusCodes.Count > 0 && StatusCodeOf(error) is { } status && RetryOnStatusCodes.Contains(status))
        {
            return true;
        }

        return RetryOnExitCodes.Count > 0 && error is IExitCodeFailure exit && RetryOnExitCodes.Contains(exit.ExitCode);
    }

    /// <summary>Returns the wait before an attempt, without jitter.</summary>
    /// <param name="attempt">The attempt about to start (2 or more).</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayBefore(int attempt)
    {
        var factor = Math.Pow(BackoffFactor, Math.Max(0, attempt - 2));
        var ticks = Math.Min(InitialDelay.Ticks * factor, Math.Max(MaxDelay.Ticks, InitialDelay.Ticks));
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Returns the wait before an attempt with jitter applied.</summary>
    /// <param name="attempt">The attempt about to start (2 or more).</param>
    /// <param name="sample">A random number from 0 (the shortest wait) to 1 (the longest).</param>
    /// <returns>The wait: <see cref="DelayBefore(int)"/> times a factor between <c>1 - Jitter</c> and <c>1 + Jitter</c>.</returns>
    public TimeSpan DelayWithJitter(int attempt, double sample)
    {
        var delay = DelayBefore(attempt);
        if (Jitter <= 0)
        {
            return delay;
        }

        var factor = 1 + (Jitter * ((2 * Math.Clamp(sample, 0, 1)) - 1));
        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxAttempts is {MaxAttempts}; set it to 1 or more."));
        }

        if (InitialDelay < TimeSpan.Zero)
        {
            errors.Add($"InitialDelay is {InitialDelay}; set it to zero or more.");
        }

        if (BackoffFactor < 1 || double.IsNaN(BackoffFactor) || double.IsInfinity(BackoffFactor))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"BackoffFactor is {BackoffFactor}; set it to 1 (constant waits) or more."));
        }

        if (MaxDelay < TimeSpan.Zero)
        {
            errors.Add($"MaxDelay is {MaxDelay}; set it to zero or more.");
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Jitter is {Jitter}; set it between 0 and 1."));
        }

        return errors;
    }

    private static int? StatusCodeOf(Exception error) => error switch
    {
        IHttpStatusFailure http => http.StatusCode,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => null,
    };
}
