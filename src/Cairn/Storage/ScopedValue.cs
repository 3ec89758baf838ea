namespace Cairn.Storage;

/// <summary>The current value of a session- or user-scoped state key.</summary>
/// <param name="Value">The JSON value, or <see langword="null"/> when the key was deleted.</param>
/// <param name="Version">The version, starting at 1 and increased by every write.</param>
public sealed record ScopedValue(string? Value, long Version);
