namespace Cairn.Storage;

/// <summary>A run as the store indexes it.</summary>
public sealed record RunRecord
{
    /// <summary>Gets the run id.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the workflow version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Gets the status.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Gets the JSON input.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the JSON output once completed.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the JSON failure (see <see cref="Cairn.FailureInfo"/>) once failed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the user id.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the parent run id for child runs.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Gets the position in the parent that awaits this child.</summary>
    public string? ParentPosition { get; init; }

    /// <summary>Gets the run's priority: claims take runs of higher priority first, then the oldest.</summary>
    public int Priority { get; init; }

    /// <summary>Gets the run this one was created from by a restart or a fork, or <see langword="null"/>.</summary>
    public RunOrigin? Origin { get; init; }

    /// <summary>Gets when the run was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the run last changed status.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when a suspended run becomes runnable again (earliest timer or time-out), if ever.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Gets the host that holds the run, or <see langword="null"/>.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets when the owner's lease ends.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Gets a pending pause or cancel request.</summary>
    public RunControl Control { get; init; }

    /// <summary>Gets the open waits.</summary>
    public IReadOnlyList<WaitRecord> Waits { get; init; } = [];
}
