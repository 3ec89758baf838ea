using Cairn.Storage;

namespace Cairn;

/// <summary>What a run waits for.</summary>
/// <param name="Position">The waiting call's position.</param>
/// <param name="Kind">Timer, event, question or child run.</param>
/// <param name="Name">The event name (for questions <c>question:{id}</c>).</param>
/// <param name="DueAt">The timer's due time or the wait's time-out.</param>
/// <param name="Question">The question, for question waits.</param>
/// <param name="Step">The step the wait is about, for a parked step or an escalation; otherwise <see langword="null"/>.</param>
/// <param name="Failure">The failure (type and message) of that step, if it failed.</param>
public sealed record WaitInfo(string Position, WaitKind Kind, string Name, DateTimeOffset? DueAt, Question? Question, string? Step = null, FailureInfo? Failure = null);
