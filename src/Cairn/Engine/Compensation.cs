namespace Cairn.Engine;

/// <summary>The undo of a completed step, kept until it runs.</summary>
/// <param name="Sequence">The journal sequence of the step's completion; compensations run latest first.</param>
/// <param name="Position">The step's position; the undo's own calls take positions under <c>{position}.undo.</c>.</param>
/// <param name="Name">The step's name.</param>
/// <param name="Undo">The work that undoes it.</param>
/// <param name="Result">The step's result.</param>
internal sealed record Compensation(long Sequence, string Position, string Name, Func<WorkflowContext, object?, Task> Undo, object? Result);
