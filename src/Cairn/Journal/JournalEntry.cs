namespace Cairn.Journal;

/// <summary>One durable event of a run, numbered from 1 in the order it was appended.</summary>
/// <remarks>
/// <see cref="Position"/> is the place of the primitive call in the workflow code ("3", or "4.1.2" inside the
/// second branch of a gather at position 4). Replay matches calls to entries by position and
/// <see cref="Name"/>, never by <see cref="Sequence"/>, so parallel branches replay in whatever order they completed.
/// </remarks>
public sealed class JournalEntry
{
    /// <summary>Gets the 1-based append order within the run.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets what happened.</summary>
    public required JournalEntryKind Kind { get; init; }

    /// <summary>Gets the position of the primitive call, or <see langword="null"/> for run-level events.</summary>
    public string? Position { get; init; }

    /// <summary>Gets the step, wait, state key or checkpoint name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the JSON payload (result, failure, wait description…), or <see langword="null"/>.</summary>
    public string? Payload { get; init; }

    /// <summary>Gets the attempt number for step events (1-based); 0 otherwise.</summary>
    public int Attempt { get; init; }

    /// <summary>Gets when the event was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets when the step's body started, for step events; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
