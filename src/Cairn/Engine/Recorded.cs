using Cairn.Journal;

namespace Cairn.Engine;

/// <summary>What the journal holds for one position: the call that was made there and how it ended.</summary>
internal sealed class Recorded
{
    public required string Class { get; init; }

    public required string Name { get; init; }

    public JournalEntry? Start { get; set; }

    public JournalEntry? Final { get; set; }

    /// <summary>Gets or sets the highest attempt recorded as started or failed (an attempt interrupted by a crash counts).</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets the failed attempts (<see cref="JournalEntryKind.StepAttemptFailed"/>) in journal order, or <see langword="null"/> when none failed.</summary>
    public List<JournalEntry>? AttemptFailures { get; set; }

    /// <summary>Gets or sets the state edits that apply once replay has passed this call.</summary>
    public List<JournalEntry>? Edits { get; set; }

    public bool Visited { get; set; }

    public string Describe() => Describe(Class, Name);

    public static string Describe(string callClass, string name) => $"{callClass} '{name}'";

    public static string? ClassOf(JournalEntryKind kind) => kind switch
    {
        JournalEntryKind.StepCompleted or JournalEntryKind.StepFailed or JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepSkipped
            or JournalEntryKind.StepStarted or JournalEntryKind.StepParked => CallClass.Step,
        JournalEntryKind.WaitStarted or JournalEntryKind.WaitCompleted => CallClass.Wait,
        JournalEntryKind.ChildStarted => CallClass.Child,
        JournalEntryKind.ValueRecorded => CallClass.Value,
        JournalEntryKind.StateChanged => CallClass.State,
        JournalEntryKind.Checkpoint => CallClass.Checkpoint,
        _ => null,
    };
}
