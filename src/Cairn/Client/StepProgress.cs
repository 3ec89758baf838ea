namespace Cairn;

/// <summary>One step of a run's progress.</summary>
/// <param name="Position">The step's position.</param>
/// <param name="Name">The step's name.</param>
/// <param name="Status">The status.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="StartedAt">When the last attempt started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Output">The result as JSON, once completed.</param>
public sealed record StepProgress(string Position, string Name, StepStatus Status, int Attempts, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Output)
{
    /// <summary>Gets how long the step took, once ended.</summary>
    public TimeSpan? Duration => StartedAt is { } s && EndedAt is { } e ? e - s : null;
}
