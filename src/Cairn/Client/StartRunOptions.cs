namespace Cairn;

/// <summary>How to start a run.</summary>
public sealed record StartRunOptions
{
    /// <summary>Gets the run id; starting twice with the same id returns the existing run (idempotent start).</summary>
    /// <value>Defaults to a new GUID.</value>
    public string? RunId { get; init; }

    /// <summary>Gets the session id whose shared state the run may use.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the user id whose shared state the run may use.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the version to run, for workflows supplied with versions (stored definitions); <see langword="null"/> runs the latest.</summary>
    public int? Version { get; init; }

    /// <summary>Gets the run's priority: when runs wait for a host, those of higher priority are claimed first, then the oldest.</summary>
    /// <value>Defaults to 0; negative values run after the default.</value>
    public int Priority { get; init; }
}
