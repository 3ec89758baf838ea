using Cairn.Journal;

namespace Cairn.Storage;

/// <summary>A whole run to create as it is: its record, journal, archived branches, inbox and state snapshots (an import, a fork or a restart).</summary>
public sealed record RunImport
{
    /// <summary>Gets the run; <see cref="RunRecord.Owner"/> and <see cref="RunRecord.LeaseUntil"/> are ignored (an imported run is owned by no host), <see cref="RunRecord.Waits"/> are its open waits.</summary>
    public required RunRecord Run { get; init; }

    /// <summary>Gets the journal, numbered 1, 2, 3 … without gaps; entry 1 is <see cref="JournalEntryKind.RunStarted"/>.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>Gets the archived branches.</summary>
    public IReadOnlyList<JournalBranch> Branches { get; init; } = [];

    /// <summary>Gets the unconsumed signals, oldest first; their ids and run ids are ignored (the store numbers them).</summary>
    public IReadOnlyList<SignalRecord> Signals { get; init; } = [];

    /// <summary>Gets the state snapshots, by sequence; each lies within <see cref="Journal"/>.</summary>
    /// <value>Defaults to none: checkpoints are then shown from the journal alone.</value>
    public IReadOnlyList<StateSnapshot> Snapshots { get; init; } = [];
}
