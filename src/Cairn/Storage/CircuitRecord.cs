namespace Cairn.Storage;

/// <summary>A circuit breaker's state as the store keeps it, shared by every host on the store.</summary>
/// <remarks>Writes are compare-and-set on <see cref="Version"/>, so hosts that race never lose each other's counts.</remarks>
public sealed record CircuitRecord
{
    /// <summary>Gets the target the breaker guards.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the state.</summary>
    public CircuitState State { get; init; }

    /// <summary>Gets the failed attempts in a row while closed (the one that opened it included).</summary>
    public int Failures { get; init; }

    /// <summary>Gets when an open breaker half-opens, or when the trial window of a half-open one ends; <see langword="null"/> while closed.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the trial attempts let through since the breaker half-opened.</summary>
    public int Trials { get; init; }

    /// <summary>Gets how many times the breaker has opened.</summary>
    public long Openings { get; init; }

    /// <summary>Gets the version: 1 for the first write, one more for each write after.</summary>
    public long Version { get; init; }

    /// <summary>Gets when the breaker last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
