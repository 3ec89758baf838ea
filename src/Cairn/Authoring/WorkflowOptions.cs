namespace Cairn;

/// <summary>Settings of a workflow that apply to every run of it: the defaults of its steps and the run's deadline.</summary>
public sealed record WorkflowOptions
{
    /// <summary>Gets the options with no defaults and no deadline.</summary>
    public static WorkflowOptions Default { get; } = new();

    /// <summary>Gets the retry policy of every step that sets none (<see cref="StepOptions.Retry"/> is <see langword="null"/>).</summary>
    /// <value>Defaults to <see langword="null"/>: such steps make one attempt.</value>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Gets the time-out of one attempt of every step that sets none.</summary>
    /// <value>Defaults to <see langword="null"/> (none).</value>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>Gets what every step that sets no <see cref="StepOptions.OnFailure"/> does once its attempts are exhausted.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="FailurePolicy.Fail"/>.</value>
    public FailurePolicy? OnFailure { get; init; }

    /// <summary>Gets the deadline of each run, counted from when the run was created: a run still unfinished then fails with <see cref="RunDeadlineExceededException"/>, its running steps' tokens cancelled.</summary>
    /// <remarks>The deadline is durable: a suspended run is woken at its deadline, and a run loaded after it fails at once.</remarks>
    /// <value>Defaults to <see langword="null"/> (none).</value>
    public TimeSpan? Deadline { get; init; }

    /// <summary>
    /// Gets how many state snapshots to keep per run. A snapshot (the run's state and step outputs at a checkpoint)
    /// is taken at every named checkpoint and at every tenth checkpoint, further apart as a long run grows (at least
    /// an eighth of its steps between two), so that showing a checkpoint replays only the journal after the nearest
    /// snapshot. Older snapshots beyond this number are deleted as new ones are
    /// taken; the journal is never touched. 0 takes none.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: keep every snapshot.</value>
    public int? KeepSnapshots { get; init; }

    /// <summary>
    /// Gets a function that every failure a run records passes through before it is stored (a step's failed attempts,
    /// an escalation or park, the run's own failure), for example to mask secrets in messages and stack traces.
    /// </summary>
    /// <remarks>It must not throw; it sees the whole failure, inner failures included, and returns what is stored.</remarks>
    /// <value>Defaults to <see langword="null"/>: failures are stored as thrown.</value>
    public Func<FailureInfo, FailureInfo>? RedactFailure { get; init; }

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Retry is { } retry)
        {
            errors.AddRange(retry.Validate().Select(e => "Retry." + e));
        }

        if (StepTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"StepTimeout is {timeout}; set it above zero, or leave it unset for none.");
        }

        if (Deadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            errors.Add($"Deadline is {deadline}; set it above zero, or leave it unset for none.");
        }

        if (KeepSnapshots is < 0)
        {
            errors.Add($"KeepSnapshots is {KeepSnapshots}; set it to 0 or more, or leave it unset to keep every snapshot.");
        }

        return errors;
    }
}
