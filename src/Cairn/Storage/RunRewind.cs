using Cairn.Journal;

namespace Cairn.Storage;

/// <summary>
/// An in-place rewind of a run, applied atomically: the journal after <see cref="KeepThrough"/> is archived as branch
/// <see cref="Branch"/>, <see cref="Entries"/> are appended, and the run is reset to <see cref="Status"/> so a host
/// continues it from its journal.
/// </summary>
/// <remarks>
/// The expectations make it safe against a host or another client changing the run meanwhile: when any does not hold,
/// nothing is written.
/// </remarks>
public sealed record RunRewind
{
    /// <summary>Gets the run.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the status the run must have.</summary>
    public required RunStatus ExpectStatus { get; init; }

    /// <summary>Gets the owner the run must have (<see langword="null"/>: none); the rewind releases it.</summary>
    public string? ExpectOwner { get; init; }

    /// <summary>Gets the last journal sequence the run must have: nothing may have been appended since the rewind was planned.</summary>
    public required long ExpectLastSequence { get; init; }

    /// <summary>Gets the number the archived tail gets; the run must have exactly <c>Branch - 1</c> branches.</summary>
    public required int Branch { get; init; }

    /// <summary>Gets the last sequence to keep (at least 1, at most <see cref="ExpectLastSequence"/>).</summary>
    public required long KeepThrough { get; init; }

    /// <summary>Gets why, stored with the branch (the strategy's name).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the entries to append after <see cref="KeepThrough"/>; their sequences must follow it without gaps.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; init; } = [];

    /// <summary>Gets whether to replace the run's input with <see cref="Input"/>.</summary>
    public bool ReplaceInput { get; init; }

    /// <summary>Gets the new JSON input, with <see cref="ReplaceInput"/>.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the workflow version the run continues on, or <see langword="null"/> to keep it.</summary>
    public int? Version { get; init; }

    /// <summary>Gets the run's open waits after the rewind; they replace the open ones.</summary>
    public IReadOnlyList<WaitRecord> Waits { get; init; } = [];

    /// <summary>Gets signals to deliver once rewound (to this run or others).</summary>
    public IReadOnlyList<OutgoingSignal> Signals { get; init; } = [];

    /// <summary>Gets the status the run gets; output, error, wake time and control requests are cleared.</summary>
    /// <value>Defaults to <see cref="RunStatus.Pending"/>.</value>
    public RunStatus Status { get; init; } = RunStatus.Pending;

    /// <summary>Gets the time of the rewind.</summary>
    public required DateTimeOffset At { get; init; }
}
