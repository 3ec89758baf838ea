namespace Cairn;

/// <summary>A state key that differs between two checkpoints.</summary>
/// <param name="Key">The key.</param>
/// <param name="Old">The value at the first checkpoint as JSON, or <see langword="null"/> when unset.</param>
/// <param name="New">The value at the second checkpoint as JSON, or <see langword="null"/> when unset.</param>
public sealed record StateDifference(string Key, string? Old, string? New);
