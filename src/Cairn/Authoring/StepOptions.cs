namespace Cairn;

/// <summary>Per-step settings.</summary>
public sealed record StepOptions
{
    /// <summary>Gets the defaults: one attempt, no time-out.</summary>
    public static StepOptions Default { get; } = new();

    /// <summary>Gets the retry policy.</summary>
    /// <value>Defaults to <see cref="RetryPolicy.None"/>.</value>
    public RetryPolicy Retry { get; init; } = RetryPolicy.None;

    /// <summary>Gets the time-out of one attempt; the step's token is cancelled and the attempt fails with <see cref="TimeoutException"/>.</summary>
    /// <value>Defaults to <see langword="null"/> (none).</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets whether the step has effects outside the run (payments, e-mails, HTTP calls), which re-running would repeat.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool SideEffecting { get; init; }
}
