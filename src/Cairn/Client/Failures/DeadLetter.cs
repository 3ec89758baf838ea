using Cairn.Storage;

namespace Cairn;

/// <summary>A run that needs someone: it failed, or a step of it is parked.</summary>
public sealed record DeadLetter
{
    /// <summary>Gets the run id.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the workflow version.</summary>
    public int Version { get; init; }

    /// <summary>Gets the status: <see cref="RunStatus.Failed"/> or <see cref="RunStatus.Parked"/>.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Gets the step that failed or is parked, when one is known.</summary>
    public string? Step { get; init; }

    /// <summary>Gets that step's position.</summary>
    public string? Position { get; init; }

    /// <summary>Gets the attempts that step made.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the failure: the step's last failure, or the run's when no step failed (type, message, stack trace).</summary>
    public FailureInfo? Error { get; init; }

    /// <summary>Gets the circuit breaker a parked step waits for, or <see langword="null"/> when it waits for a person.</summary>
    public string? Circuit { get; init; }

    /// <summary>Gets when a step parked by its breaker tries again.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets when the run last changed status.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
