using Cairn.Engine;
using Cairn.Journal;

namespace Cairn.Resume;

/// <summary>Everything a journal (or a part of it) holds for one position: the call made there and how far it got.</summary>
internal sealed class CallTrace
{
    public required string Position { get; init; }

    public required string Class { get; init; }

    public required string Name { get; init; }

    public List<JournalEntry> Entries { get; } = [];

    public JournalEntry? Start { get; private set; }

    public JournalEntry? Final { get; private set; }

    /// <summary>Gets whether a <see cref="JournalEntryKind.StepStarted"/> entry marks the step as side-effecting.</summary>
    public bool SideEffecting { get; private set; }

    public long FirstSequence => Entries[0].Sequence;

    public PlannedCallKind? Kind => Class switch
    {
        CallClass.Step => PlannedCallKind.Step,
        CallClass.Child => PlannedCallKind.Child,
        CallClass.Wait => PlannedCallKind.Wait,
        _ => null,
    };

    /// <summary>Indexes entries by position, in the order positions first appear.</summary>
    public static IReadOnlyDictionary<string, CallTrace> Index(IEnumerable<JournalEntry> entries)
    {
        var index = new Dictionary<string, CallTrace>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Position is null || e.Kind == JournalEntryKind.StateEdited || Recorded.ClassOf(e.Kind) is not { } callClass)
            {
                continue;
            }

            if (!index.TryGetValue(e.Position, out var trace))
            {
                trace = new CallTrace { Position = e.Position, Class = callClass, Name = e.Name ?? string.Empty };
                index.Add(e.Position, trace);
            }

            trace.Add(e);
        }

        return index;
    }

    /// <summary>Returns whether the entry shows a step body ran (or was meant to run): a skip by a person stands for a failed body.</summary>
    public static bool IsBodyTrace(JournalEntry e) => e.Kind switch
    {
        JournalEntryKind.StepStarted or JournalEntryKind.StepCompleted or JournalEntryKind.StepFailed or JournalEntryKind.StepAttemptFailed => true,
        JournalEntryKind.StepSkipped => e.Attempt > 0,
        _ => false,
    };

    /// <summary>Returns how the call ended, as a step status.</summary>
    public StepStatus Status() => Final?.Kind switch
    {
        JournalEntryKind.StepCompleted => StepStatus.Completed,
        JournalEntryKind.StepSkipped => StepStatus.Skipped,
        JournalEntryKind.StepFailed => StepStatus.Failed,
        JournalEntryKind.WaitCompleted when Class == CallClass.Child => ChildFailed(Final.Payload) ? StepStatus.Failed : StepStatus.Completed,
        JournalEntryKind.WaitCompleted => StepStatus.Completed,
        _ => StepStatus.Running,
    };

    public PlannedCall ToPlanned(bool sideEffecting) => new(Position, Name, Kind ?? PlannedCallKind.Step, Status(), sideEffecting);

    /// <summary>Returns whether a child's completion reports a failed or cancelled child.</summary>
    public static bool ChildFailed(string? completedPayload)
    {
        var data = WaitPayloads.Parse(completedPayload).Data;
        if (data is null)
        {
            return false;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("status", out var s) && s.GetString() is "failed" or "cancelled";
    }

    private void Add(JournalEntry e)
    {
        Entries.Add(e);
        switch (e.Kind)
        {
            case JournalEntryKind.StepStarted:
                SideEffecting = true;
                break;
            case JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepParked:
                break;
            case JournalEntryKind.WaitStarted or JournalEntryKind.ChildStarted:
                Start = e;
                break;
            default:
                Final = e;
                break;
        }
    }
}
