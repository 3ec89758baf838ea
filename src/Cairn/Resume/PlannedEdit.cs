namespace Cairn;

/// <summary>An edit a resume journals: a new input, or a state key set at the place the run continues from.</summary>
/// <param name="Target"><c>input</c>, <c>state</c> or <c>version</c>.</param>
/// <param name="Key">The state key, for state edits.</param>
/// <param name="Old">The value before, as JSON (<see langword="null"/>: none).</param>
/// <param name="New">The value after, as JSON (<see langword="null"/>: removed).</param>
public sealed record PlannedEdit(string Target, string? Key, string? Old, string? New);
