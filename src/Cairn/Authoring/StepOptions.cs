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

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Retry is { } retry)
        {
            errors.AddRange(retry.Validate().Select(e => "Retry." + e));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"Timeout is {timeout}; set it above zero, or leave it unset for none.");
        }

        return errors;
    }
}
