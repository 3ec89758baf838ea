namespace Cairn.Storage;

/// <summary>An open wait of a run: stored with the run so that signals and answers can be validated and can wake it.</summary>
/// <param name="Position">The position of the waiting primitive in the workflow.</param>
/// <param name="Kind">What is awaited.</param>
/// <param name="Name">The event name a signal must carry to end the wait (for questions, <c>question:{id}</c>).</param>
/// <param name="DueAt">When the timer fires or the wait times out; <see langword="null"/> for no deadline.</param>
/// <param name="Detail">JSON describing the wait for people (the question, its kind and options), or <see langword="null"/>.</param>
public sealed record WaitRecord(string Position, WaitKind Kind, string Name, DateTimeOffset? DueAt, string? Detail);
