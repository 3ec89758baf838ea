namespace Cairn;

/// <summary>Per-step settings.</summary>
public sealed record StepOptions
{
    /// <summary>Gets the defaults: the workflow's retry policy and step time-out (one attempt, no time-out when it sets none).</summary>
    public static StepOptions Default { get; } = new();

    /// <summary>Gets the retry policy.</summary>
    /// <value>Defaults to <see langword="null"/>: the workflow's <see cref="WorkflowOptions.Retry"/>, or one attempt.</value>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Gets the time-out of one attempt: the step's token is cancelled and the attempt fails with <see cref="TimeoutException"/>, which counts as a failed attempt (retried like any other failure).</summary>
    /// <value>Defaults to <see langword="null"/>: the workflow's <see cref="WorkflowOptions.StepTimeout"/>, or none.</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets whether the step has effects outside the run (payments, e-mails, HTTP calls), which re-running would repeat.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool SideEffecting { get; init; }

    /// <summary>Gets the circuit breaker the step's attempts go through: while it is open the step is parked without using up attempts.</summary>
    /// <value>Defaults to <see langword="null"/> (none).</value>
    public CircuitBreakerPolicy? CircuitBreaker { get; init; }

    /// <summary>Gets what the step does once its attempts are exhausted.</summary>
    /// <value>Defaults to <see langword="null"/>: the workflow's <see cref="WorkflowOptions.OnFailure"/>, or <see cref="FailurePolicy.Fail"/>.</value>
    public FailurePolicy? OnFailure { get; init; }

    /// <summary>
    /// Gets the work that undoes this step once it has completed, run by <see cref="FailurePolicy.Compensate"/> when a later
    /// step fails: it receives a context of its own (its positions lie under this step's) and this step's result.
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (nothing to undo).</value>
    public Func<WorkflowContext, object?, Task>? Compensation { get; init; }

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Retry is { } retry)
        {
            errors.AddRange(retry.Validate().Select(e => "Retry." + e));
        }

        if (CircuitBreaker is { } breaker)
        {
            errors.AddRange(breaker.Validate().Select(e => "CircuitBreaker." + e));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"Timeout is {timeout}; set it above zero, or leave it unset for none.");
        }

        return errors;
    }
}
