namespace Cairn.Cli.Views;

/// <summary>The text of a resume plan: what is kept, what runs again, and what of that reaches outside the run.</summary>
internal static class PlanText
{
    public static void Write(TextWriter writer, ResumePlan plan)
    {
        writer.WriteLine($"{(plan.DryRun ? "Would " : string.Empty)}{plan.Strategy.ToWireName()} run {plan.RunId}: {plan.Reason}");
        if (plan.ContinuingRunId != plan.RunId)
        {
            writer.WriteLine($"  new run         {plan.ContinuingRunId}");
        }

        if (plan.ArchivedBranch is { } branch && plan.ArchivedEntries > 0)
        {
            writer.WriteLine($"  archived        {plan.ArchivedEntries} journal entries as branch {branch} (cairn journal {plan.RunId} --all)");
        }

        writer.WriteLine($"  kept            {List(plan.Kept, effects: false)}");
        writer.WriteLine($"  runs again      {List(plan.Rerun)}");
        if (plan.NotReached.Count > 0)
        {
            writer.WriteLine($"  then runs       {string.Join(", ", plan.NotReached.Select(Describe))}");
        }

        writer.WriteLine($"  outside effects {List(plan.OutsideEffects)}");
        if (plan.WaitsAgain.Count > 0)
        {
            writer.WriteLine($"  waits again for {List(plan.WaitsAgain, effects: false)}");
        }

        if (plan.Skipped.Count > 0)
        {
            writer.WriteLine($"  skipped         {List(plan.Skipped, effects: false)}");
        }

        foreach (var edit in plan.Edits)
        {
            var what = edit.Key is null ? edit.Target : $"{edit.Target} {edit.Key}";
            writer.WriteLine($"  edit            {what}: {edit.Old ?? "(none)"} -> {edit.New ?? "(removed)"}");
        }

        foreach (var warning in plan.Warnings)
        {
            writer.WriteLine($"  warning         {warning}");
        }
    }

    /// <summary>A step not recorded yet: its type, whether it reaches outside the run, and whether it only may run.</summary>
    private static string Describe(OutlinedStep step) =>
        $"{step.Id} [{step.Type}{(step.HasOutsideEffects ? ", side-effecting" : string.Empty)}{(step.MayRun ? ", may run" : string.Empty)}]";

    private static string List(IReadOnlyList<PlannedCall> calls, bool effects = true) =>
        calls.Count == 0 ? "(none)" : string.Join(", ", calls.Select(c => effects && c.HasOutsideEffects ? $"{c.Name} [{c.Position}, {(c.Kind == PlannedCallKind.Child ? "child workflow" : "side-effecting")}]" : $"{c.Name} [{c.Position}]"));
}
