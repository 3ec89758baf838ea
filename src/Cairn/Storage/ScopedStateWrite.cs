namespace Cairn.Storage;

/// <summary>A write to shared (session or user) state, applied with optimistic concurrency inside a commit.</summary>
/// <param name="Scope">Session or user.</param>
/// <param name="ScopeId">The session id or user id.</param>
/// <param name="Key">The key.</param>
/// <param name="Value">The new JSON value, or <see langword="null"/> to delete.</param>
/// <param name="ExpectedVersion">The version the writer last saw (0 = the key must not exist), or <see langword="null"/> to write unconditionally.</param>
public sealed record ScopedStateWrite(StateScope Scope, string ScopeId, string Key, string? Value, long? ExpectedVersion);
