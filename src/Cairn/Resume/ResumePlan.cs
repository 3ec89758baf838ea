namespace Cairn;

/// <summary>What a resume does (or, for a dry run, would do): what it keeps, what runs again, and which of that has outside effects.</summary>
public sealed record ResumePlan
{
    /// <summary>Gets the run asked about.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the strategy applied (for <see cref="ResumeStrategy.Auto"/>, the one chosen).</summary>
    public required ResumeStrategy Strategy { get; init; }

    /// <summary>Gets what the strategy does here and, for <see cref="ResumeStrategy.Auto"/>, why it was chosen.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the run that continues: the same run, or the new one of a restart or fork.</summary>
    public required string ContinuingRunId { get; init; }

    /// <summary>Gets whether the resume changes anything (false when the run continues by itself, or has nothing to resume).</summary>
    public bool ChangesRun { get; init; }

    /// <summary>Gets whether this was a dry run: nothing was changed.</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the checkpoint the run continues from, for <see cref="ResumeStrategy.FromCheckpoint"/> and <see cref="ResumeStrategy.Fork"/>.</summary>
    public int? Checkpoint { get; init; }

    /// <summary>Gets the last journal sequence that is kept (copied, for a fork; 1 for a restart: only the start).</summary>
    public long KeptThrough { get; init; }

    /// <summary>Gets the number the discarded journal tail is archived as, for in-place rewinds (the number it would get, for a dry run).</summary>
    public int? ArchivedBranch { get; init; }

    /// <summary>Gets how many journal entries are archived.</summary>
    public int ArchivedEntries { get; init; }

    /// <summary>Gets the completed calls whose recorded results are kept: they do not run again.</summary>
    public IReadOnlyList<PlannedCall> Kept { get; init; } = [];

    /// <summary>Gets the recorded steps and child workflows that run again (steps the run never reached follow them: <see cref="NotReached"/>).</summary>
    public IReadOnlyList<PlannedCall> Rerun { get; init; } = [];

    /// <summary>
    /// Gets the workflow's steps that run after <see cref="Rerun"/>, in order: those the journal has not recorded yet
    /// from where the run continues. Only workflows whose steps are known before they run (stored definitions) list
    /// them; for others it is empty, and so it is when the plan keeps a failure, which fails the run again first.
    /// </summary>
    public IReadOnlyList<OutlinedStep> NotReached { get; init; } = [];

    /// <summary>Gets the waits (timers, events, questions) whose recorded end is discarded: the run waits for them again.</summary>
    public IReadOnlyList<PlannedCall> WaitsAgain { get; init; } = [];

    /// <summary>Gets the steps recorded as skipped by this resume, with the stand-in output.</summary>
    public IReadOnlyList<PlannedCall> Skipped { get; init; } = [];

    /// <summary>Gets the edits journaled with the resume.</summary>
    public IReadOnlyList<PlannedEdit> Edits { get; init; } = [];

    /// <summary>Gets things worth knowing before going ahead (a kept failure that will fail the run again, a child that reports to the original run…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets the calls that run again and have effects outside the run: side-effecting steps and child workflows.</summary>
    public IReadOnlyList<PlannedCall> OutsideEffects => Rerun.Where(c => c.HasOutsideEffects).ToList();
}
