namespace Cairn.Definitions.Interpreter;

/// <summary>
/// The steps of a definition a run takes after the calls its journal keeps, for resume plans. In each list of steps
/// run in order, the steps after the last one the journal has reached all run; that last one may still have steps
/// left inside (the other branches of a parallel step, the rest of a sequence, the taken branch of a condition). A step
/// with an <c>if</c>, inside a condition not decided yet, or inside a loop is listed as one that may run.
/// </summary>
internal static class DefinitionOutline
{
    /// <summary>The timer name every delay is journaled with: it tells no delay from another, so it never marks one reached.</summary>
    private const string TimerName = "timer";

    /// <summary>Lists the steps after the calls the journal keeps, in document order.</summary>
    /// <param name="definition">The definition the run continues with.</param>
    /// <param name="kept">The names the kept calls are journaled with.</param>
    public static IReadOnlyList<OutlinedStep> StepsAfter(WorkflowDefinition definition, IReadOnlySet<string> kept)
    {
        var steps = new List<OutlinedStep>();
        After(definition.Steps, kept, certain: true, steps);
        return steps;
    }

    private static void After(IReadOnlyList<StepDefinition> list, IReadOnlySet<string> kept, bool certain, List<OutlinedStep> into)
    {
        var last = -1;
        for (var i = 0; i < list.Count; i++)
        {
            if (Reached(list[i], kept))
            {
                last = i;
            }
        }

        if (last >= 0)
        {
            Rest(list[last], kept, certain, into);
        }

        for (var i = last + 1; i < list.Count; i++)
        {
            All(list[i], certain, into);
        }
    }

    /// <summary>What is left inside a step the journal has reached.</summary>
    private static void Rest(StepDefinition step, IReadOnlySet<string> kept, bool certain, List<OutlinedStep> into)
    {
        // Reached by its own id only: it was skipped by its if, so nothing inside runs.
        if (!step.Children.Any(s => Reached(s, kept)))
        {
            return;
        }

        switch (step)
        {
            case ParallelStep parallel:
                foreach (var branch in parallel.Branches)
                {
                    After(branch, kept, certain, into);
                }

                break;
            case SequenceStep sequence:
                After(sequence.Steps, kept, certain, into);
                break;
            case ConditionStep condition:
                After(condition.Then.Any(s => Reached(s, kept)) ? condition.Then : condition.Else.Any(s => Reached(s, kept)) ? condition.Else : [], kept, certain, into);
                break;
            case LoopStep loop:
                After(loop.Steps, kept, certain: false, into);
                break;
        }
    }

    /// <summary>Every step inside a step the journal has not reached.</summary>
    private static void All(StepDefinition step, bool certain, List<OutlinedStep> into)
    {
        if (step is not (ConditionStep or LoopStep or ParallelStep or SequenceStep))
        {
            into.Add(new OutlinedStep(step.Id, JournalName(step), step.Type, !certain || step.If is not null, step.HasOutsideEffects));
            return;
        }

        // A condition without an expression always takes its then branch; one with an expression is decided when it runs.
        var inner = certain && step.If is null && step is not LoopStep;
        var otherwise = step is ConditionStep condition ? condition.Else : [];
        foreach (var child in step.Children)
        {
            All(child, inner && !otherwise.Contains(child), into);
        }
    }

    private static bool Reached(StepDefinition step, IReadOnlySet<string> kept) =>
        kept.Contains(step.Id) || (JournalName(step) is var name && name != TimerName && kept.Contains(name))
        || (step is SetStep set && set.State.Any(p => kept.Contains("run:" + p.Key)))
        || step.Children.Any(s => Reached(s, kept));

    /// <summary>The name the step's call is journaled with: its id, or what it waits for.</summary>
    private static string JournalName(StepDefinition step) => step switch
    {
        AskStep => "question:" + step.Id,
        WaitStep wait when !wait.Event.Contains("${{", StringComparison.Ordinal) => wait.Event,
        ChildWorkflowStep child => child.Workflow,
        DelayStep => TimerName,
        _ => step.Id,
    };
}
