namespace Cairn.Storage;

/// <summary>What a store needs to create a run.</summary>
public sealed record NewRun
{
    /// <summary>Gets the run id (unique in the store).</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the registered workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the workflow version the run is pinned to.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Gets the JSON input, or <see langword="null"/>.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the session id that scopes session state, or <see langword="null"/>.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the user id that scopes user state, or <see langword="null"/>.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the parent run for child runs, or <see langword="null"/>.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Gets the position in the parent that awaits this child, or <see langword="null"/>.</summary>
    public string? ParentPosition { get; init; }

    /// <summary>Gets the run's priority: claims take runs of higher priority first, then the oldest.</summary>
    /// <value>Defaults to 0.</value>
    public int Priority { get; init; }

    /// <summary>Gets the host that takes the run at creation (status <see cref="RunStatus.Running"/>), or <see langword="null"/> to create it pending for any host to claim.</summary>
    /// <remarks>A host in the starting process adopts the runs it starts, saving a claim.</remarks>
    public string? Owner { get; init; }

    /// <summary>Gets the lease end for <see cref="Owner"/>.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Gets when the run was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
