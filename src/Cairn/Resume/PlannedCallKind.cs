namespace Cairn;

/// <summary>What a call in a <see cref="ResumePlan"/> is.</summary>
public enum PlannedCallKind
{
    /// <summary>A step: its body runs when it runs again.</summary>
    Step = 0,

    /// <summary>A child workflow: running it again starts a new child run.</summary>
    Child = 1,

    /// <summary>A timer, event or question: waiting again needs the event or answer again (a due timer fires at once).</summary>
    Wait = 2,
}
