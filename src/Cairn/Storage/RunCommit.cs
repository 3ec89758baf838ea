using Cairn.Journal;

namespace Cairn.Storage;

/// <summary>
/// Everything one engine action changes for one run, applied atomically: journal entries plus the run-index,
/// wait, signal and shared-state changes that go with them.
/// </summary>
/// <remarks>
/// Stores apply many commits from many runs in one transaction (group commit), each in its own savepoint, so a
/// failed commit (a state conflict, a lost lease) never affects its neighbours.
/// </remarks>
public sealed class RunCommit
{
    /// <summary>Gets the run.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the entries to append.</summary>
    /// <remarks>
    /// Sequences must follow the journal's last one without gaps; a duplicate sequence means another process
    /// appended first and fails with <see cref="Cairn.RunOwnershipLostException"/>. An entry with sequence 0 is
    /// numbered by the store (for rare client-side appends such as pause or cancel).
    /// </remarks>
    public IReadOnlyList<JournalEntry> Entries { get; init; } = [];

    /// <summary>Gets the owner the commit is made by; the store rejects it when another owner holds the run.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets the status the run must have for the commit to apply, or <see langword="null"/> for any.</summary>
    /// <remarks>Used by client actions (pause, resume, cancel) that race with hosts; a mismatch gives <see cref="CommitOutcome.StatusMismatch"/>.</remarks>
    public RunStatus? ExpectStatus { get; init; }

    /// <summary>Gets a pause or cancel request to record for the host executing the run, or <see langword="null"/>.</summary>
    public RunControl? SetControl { get; init; }

    /// <summary>Gets the new status, or <see langword="null"/> to keep it.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>Gets whether to release ownership of the run (with a status change that unloads it).</summary>
    public bool Release { get; init; }

    /// <summary>Gets the wake time to store (with <see cref="Status"/> = suspended).</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Gets the JSON output (with status completed).</summary>
    public string? Output { get; init; }

    /// <summary>Gets the JSON failure (with status failed).</summary>
    public string? Error { get; init; }

    /// <summary>Gets whether to clear a pending pause or cancel request.</summary>
    public bool ClearControl { get; init; }

    /// <summary>Gets waits to open.</summary>
    public IReadOnlyList<WaitRecord> OpenWaits { get; init; } = [];

    /// <summary>Gets positions of waits to close.</summary>
    public IReadOnlyList<string> CloseWaits { get; init; } = [];

    /// <summary>Gets the id of an inbox signal this commit consumes, or <see langword="null"/>.</summary>
    public long? ConsumeSignal { get; init; }

    /// <summary>Gets signals to deliver to other runs (a child's completion to its parent), or empty.</summary>
    public IReadOnlyList<OutgoingSignal> Signals { get; init; } = [];

    /// <summary>Gets a shared-state write, or <see langword="null"/>.</summary>
    public ScopedStateWrite? StateWrite { get; init; }

    /// <summary>Gets the entries appended instead of <see cref="Entries"/> when <see cref="StateWrite"/> conflicts (same count and sequences); nothing else changes then.</summary>
    /// <remarks>This keeps the journal gap-free and records the conflict atomically, so replay sees it again.</remarks>
    public IReadOnlyList<JournalEntry>? ConflictEntries { get; init; }

    /// <summary>Gets a child run to create in the same transaction, or <see langword="null"/>.</summary>
    public NewRun? ChildRun { get; init; }

    /// <summary>Gets a state snapshot to store with the commit (it replaces one at the same sequence), or <see langword="null"/>; its sequence is one of <see cref="Entries"/>.</summary>
    public StateSnapshot? Snapshot { get; init; }

    /// <summary>Gets how many of the run's snapshots to keep after storing <see cref="Snapshot"/>: the older ones beyond it are deleted in the same transaction.</summary>
    /// <value>Defaults to <see langword="null"/>: keep all.</value>
    public int? KeepSnapshots { get; init; }

    /// <summary>Gets the time the commit is made, for <see cref="RunRecord.UpdatedAt"/> and signal times.</summary>
    public required DateTimeOffset At { get; init; }
}
