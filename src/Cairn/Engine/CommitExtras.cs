using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>The run-level parts of a commit besides its journal entries.</summary>
internal sealed record CommitExtras
{
    public RunStatus? Status { get; init; }

    public bool Release { get; init; }

    public DateTimeOffset? WakeAt { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public bool ClearControl { get; init; }

    public WaitRecord? OpenWait { get; init; }

    public string? CloseWait { get; init; }

    public long? ConsumeSignal { get; init; }

    public OutgoingSignal? Signal { get; init; }

    public ScopedStateWrite? StateWrite { get; init; }

    public NewRun? ChildRun { get; init; }

    /// <summary>Gets the entry written instead of the commit's last draft when <see cref="StateWrite"/> conflicts.</summary>
    public Draft? OnConflict { get; init; }
}
