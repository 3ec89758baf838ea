using Cairn.Storage;

namespace Cairn;

/// <summary>A run as the client sees it.</summary>
public sealed record RunInfo
{
    /// <summary>Gets the run id.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the workflow version.</summary>
    public int Version { get; init; }

    /// <summary>Gets the status.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Gets the input as JSON.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the output as JSON, once completed.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the failure, once failed.</summary>
    public FailureInfo? Error { get; init; }

    /// <summary>Gets when the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the run last changed status.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the parent run of a child run.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Gets the run this one was created from by a restart or a fork, or <see langword="null"/>.</summary>
    public RunOrigin? Origin { get; init; }

    /// <summary>Gets what a suspended run waits for.</summary>
    public IReadOnlyList<WaitInfo> WaitingFor { get; init; } = [];
}
