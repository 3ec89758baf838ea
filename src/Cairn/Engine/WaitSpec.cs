using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>What a waiting primitive asks for, and how to record that it started waiting.</summary>
internal sealed record WaitSpec(string CallClass, WaitKind Kind, string Name, string? Detail)
{
    /// <summary>Gets the deadline to use when the wait starts now (timers, time-outs); computed from the clock once.</summary>
    public Func<DateTimeOffset, DateTimeOffset?> DueFrom { get; init; } = _ => null;

    /// <summary>Gets the entry kind that opens the wait.</summary>
    public JournalEntryKind OpenKind { get; init; } = JournalEntryKind.WaitStarted;

    /// <summary>Gets the payload of the opening entry (the child id for child runs); by default the wait's description.</summary>
    public string? OpenPayload { get; init; }

    /// <summary>Gets the name recorded in the journal for the call (defaults to <see cref="Name"/>).</summary>
    public string? CallName { get; init; }

    /// <summary>Gets a child run to create with the opening commit.</summary>
    public NewRun? ChildRun { get; init; }
}
