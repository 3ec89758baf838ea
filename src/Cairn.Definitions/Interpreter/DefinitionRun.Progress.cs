namespace Cairn.Definitions.Interpreter;

/// <content>
/// Progress: the run reports how many steps it expects to show (each exec, http, script and fail step, and each skipped
/// step), so <c>done/total</c> is meaningful before the run ends. The count starts from the definition (a condition
/// counts its larger branch, a loop one iteration) and is corrected as conditions, <c>if</c>s and loops resolve.
/// Replay recomputes the same numbers; only live changes are journaled.
/// </content>
internal sealed partial class DefinitionRun
{
    private int _expected;
    private int _reported;

    /// <summary>The steps a list is expected to show in the run's progress, before anything in it has resolved.</summary>
    private static int Expected(IReadOnlyList<StepDefinition> steps) => steps.Sum(Expected);

    private static int Expected(StepDefinition step) => step switch
    {
        ExecStep or HttpStep or ScriptStep or FailStep => 1,
        ConditionStep branch => Math.Max(Expected(branch.Then), Expected(branch.Else)),
        LoopStep loop => Expected(loop.Steps),
        ParallelStep parallel => parallel.Branches.Sum(Expected),
        SequenceStep sequence => Expected(sequence.Steps),

        // Waits, child runs and state writes are not steps of the run's progress.
        _ => 0,
    };

    /// <summary>Starts the count from the definition and reports it.</summary>
    private void ExpectDefinition()
    {
        _expected = Expected(_definition.Steps);
        ReportExpected(_root);
    }

    /// <summary>Corrects the count by <paramref name="delta"/> steps, reporting the new total when the run is live.</summary>
    private void Expect(int delta, Frame frame)
    {
        if (delta != 0)
        {
            Interlocked.Add(ref _expected, delta);
            ReportExpected(frame.Context);
        }
    }

    private void ReportExpected(WorkflowContext context)
    {
        var total = Volatile.Read(ref _expected);
        if (Interlocked.Exchange(ref _reported, total) != total && !context.IsReplaying)
        {
            context.ReportProgress(total: total);
        }
    }
}
