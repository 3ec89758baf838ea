namespace Cairn.Storage;

/// <summary>One session- or user-scoped state key as the store holds it, for listing and copying whole stores.</summary>
/// <param name="Scope">Session or user.</param>
/// <param name="ScopeId">The session id or user id.</param>
/// <param name="Key">The key.</param>
/// <param name="Value">The JSON value, or <see langword="null"/> when the key was deleted.</param>
/// <param name="Version">The version, starting at 1 and increased by every write.</param>
public sealed record ScopedStateEntry(StateScope Scope, string ScopeId, string Key, string? Value, long Version);
