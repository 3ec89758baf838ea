using Cairn.Storage;

namespace Cairn;

/// <summary>A write to shared (session or user) state lost a race: another run changed the key since this run read it.</summary>
public sealed class StateConflictException : CairnException
{
    internal StateConflictException(StateScope scope, string scopeId, string key, long? expected, long? actual)
        : base($"Conflicting write to {scope.ToString().ToLowerInvariant()} state '{key}' of '{scopeId}': this run expected version {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} but another run changed it since. Read the key again and retry the change.")
    {
        Scope = scope;
        ScopeId = scopeId;
        Key = key;
        ActualVersion = actual;
    }

    /// <summary>Gets the scope.</summary>
    public StateScope Scope { get; }

    /// <summary>Gets the session or user id.</summary>
    public string ScopeId { get; }

    /// <summary>Gets the key.</summary>
    public string Key { get; }

    /// <summary>Gets the version the store held when the write was refused; <see langword="null"/> when the conflict is replayed from the journal.</summary>
    public long? ActualVersion { get; }
}
