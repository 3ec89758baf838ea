namespace Cairn;

/// <summary>
/// A step of a workflow's definition that a <see cref="ResumePlan"/> lists as running after the recorded calls that run
/// again: one the journal has not recorded (or will not keep) yet. Only workflows whose steps are known before they
/// run (stored definitions) can list them.
/// </summary>
/// <param name="Id">The step id in the definition.</param>
/// <param name="Name">The name its journal entries carry, as <see cref="PlannedCall.Name"/>: the step id, the awaited event or question, the child workflow.</param>
/// <param name="Type">The step type (<c>exec</c>, <c>http</c>, <c>script</c>…).</param>
/// <param name="MayRun">Whether it runs only if a condition, an <c>if</c> or a loop not decided yet lets it (otherwise it will run).</param>
/// <param name="HasOutsideEffects">Whether running it has effects outside the run: a process, a request, a child run.</param>
public sealed record OutlinedStep(string Id, string Name, string Type, bool MayRun, bool HasOutsideEffects);
