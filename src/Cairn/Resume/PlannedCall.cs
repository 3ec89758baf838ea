namespace Cairn;

/// <summary>A recorded call a <see cref="ResumePlan"/> keeps, runs again or waits for again.</summary>
/// <param name="Position">The call's position.</param>
/// <param name="Name">The step name, child workflow or awaited event.</param>
/// <param name="Kind">What the call is.</param>
/// <param name="Status">How it ended in the journal (<see cref="StepStatus.Running"/>: it started and never finished, as after a crash).</param>
/// <param name="SideEffecting">Whether the journal records it as a step with effects outside the run (<see cref="StepOptions.SideEffecting"/>; <c>exec</c> and <c>http</c> steps).</param>
public sealed record PlannedCall(string Position, string Name, PlannedCallKind Kind, StepStatus Status, bool SideEffecting)
{
    /// <summary>Gets whether running it again repeats effects outside the run: a side-effecting step or a child workflow.</summary>
    public bool HasOutsideEffects => SideEffecting || Kind == PlannedCallKind.Child;
}
