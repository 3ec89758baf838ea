using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <summary>
/// State shared by runs of one session or one user, written with optimistic concurrency: a write expects the
/// version this run last read or wrote, and fails with <see cref="StateConflictException"/> when another run changed it since.
/// A key this run never read is written without a check.
/// </summary>
public sealed class SharedState
{
    private readonly WorkflowContext _context;
    private readonly RunExecution _execution;

    internal SharedState(WorkflowContext context, RunExecution execution, StateScope scope, string scopeId)
    {
        _context = context;
        _execution = execution;
        Scope = scope;
        ScopeId = scopeId;
    }

    /// <summary>Gets the scope.</summary>
    public StateScope Scope { get; }

    /// <summary>Gets the session or user id.</summary>
    public string ScopeId { get; }

    /// <summary>Reads a key; the value read is recorded, so replay sees it again.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="default"/> when not set.</returns>
    public async Task<T?> Get<T>(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var value = await _execution.ReadShared(_context.NextPosition(), Scope, ScopeId, key).ConfigureAwait(true);
        return value?.Value is { } json ? _execution.Payloads.Deserialize<T>(json) : default;
    }

    /// <summary>Writes a key.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="StateConflictException">Another run changed the key since this run read it.</exception>
    public Task Set<T>(string key, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var json = _execution.Payloads.Serialize(value, new PayloadSubject("Shared state '{0}'", key));
        return _execution.WriteShared(_context.NextPosition(), Scope, ScopeId, key, json);
    }
}
