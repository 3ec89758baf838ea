using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <summary>
/// Durable key/value state of a run (JSON values). Every change is journaled with its key, old value, new value and
/// position, so state at any checkpoint can be rebuilt. <see cref="Session"/> and <see cref="User"/> share state across runs.
/// </summary>
public sealed class WorkflowState
{
    private readonly WorkflowContext _context;
    private readonly RunExecution _execution;
    private SharedState? _session;
    private SharedState? _user;

    internal WorkflowState(WorkflowContext context, RunExecution execution)
    {
        _context = context;
        _execution = execution;
    }

    /// <summary>Gets state shared by every run of this run's session.</summary>
    /// <exception cref="InvalidOperationException">The run was started without a session id.</exception>
    public SharedState Session => _session ??= new SharedState(_context, _execution, StateScope.Session,
        _context.SessionId ?? throw new InvalidOperationException($"Run '{_context.RunId}' has no session id; start it with StartRunOptions.SessionId to use session state."));

    /// <summary>Gets state shared by every run of this run's user.</summary>
    /// <exception cref="InvalidOperationException">The run was started without a user id.</exception>
    public SharedState User => _user ??= new SharedState(_context, _execution, StateScope.User,
        _context.UserId ?? throw new InvalidOperationException($"Run '{_context.RunId}' has no user id; start it with StartRunOptions.UserId to use user state."));

    /// <summary>Reads a key of the run's state.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">What to return when the key is not set.</param>
    /// <returns>The value.</returns>
    public T? Get<T>(string key, T? defaultValue = default) =>
        _execution.TryGetRunState(key, out var json) ? _execution.Payloads.Deserialize<T>(json) : defaultValue;

    /// <summary>Sets a key of the run's state; the change is visible at once and durable when the task completes.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    public Task Set<T>(string key, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var json = _execution.Payloads.Serialize(value, new PayloadSubject("State '{0}'", key));
        return _execution.SetRunState(_context.NextPosition(), key, json);
    }

    /// <summary>Removes a key of the run's state.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    public Task Remove(string key) => _execution.SetRunState(_context.NextPosition(), key, null);

    /// <summary>Gets a copy of every key of the run's state as JSON.</summary>
    /// <returns>Key → JSON value.</returns>
    public IReadOnlyDictionary<string, string?> Snapshot() => _execution.RunStateSnapshot();
}
