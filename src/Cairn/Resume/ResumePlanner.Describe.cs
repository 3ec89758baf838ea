using Cairn.Engine;
using Cairn.Journal;

namespace Cairn.Resume;

/// <content>Describing a cut: what is kept, what runs again, what is waited for again.</content>
internal static partial class ResumePlanner
{
    /// <summary>Compares the journal before and after: <paramref name="effective"/> is the journal the run continues with.</summary>
    private static ResumePlan Describe(
        ResumeContext c,
        ResumeStrategy strategy,
        string reason,
        string continuingRunId,
        IReadOnlyList<JournalEntry> effective,
        IReadOnlySet<long> discarded,
        IReadOnlyList<JournalEntry> appended,
        IReadOnlyList<PlannedEdit> edits)
    {
        var all = CallTrace.Index(c.Journal);
        var now = CallTrace.Index(effective);
        var gone = CallTrace.Index(c.Journal.Where(e => discarded.Contains(e.Sequence)));
        var skips = appended.Where(e => e.Kind == JournalEntryKind.StepSkipped).Select(e => e.Sequence).ToHashSet();
        var kept = new List<PlannedCall>();
        var skipped = new List<PlannedCall>();
        var warnings = new List<string>();
        var rerun = new Dictionary<string, PlannedCall>(StringComparer.Ordinal);
        bool SideEffecting(CallTrace t) => all.TryGetValue(t.Position, out var a) ? a.SideEffecting : t.SideEffecting;

        foreach (var t in now.Values.Where(t => t.Kind is not null))
        {
            if (t.Final is { } final)
            {
                if (skips.Contains(final.Sequence))
                {
                    skipped.Add(t.ToPlanned(SideEffecting(t)));
                    continue;
                }

                kept.Add(t.ToPlanned(SideEffecting(t)));
                if (final.Kind == JournalEntryKind.StepFailed)
                {
                    warnings.Add($"Step '{t.Name}' at position {t.Position} failed and its failure is kept, so the run fails there again; retry-failed or skip-failed gets past it.");
                }
            }
            else if (t.Class == CallClass.Step && t.Entries.Exists(CallTrace.IsBodyTrace))
            {
                // Started (or retrying) and never finished: its body runs again.
                rerun[t.Position] = t.ToPlanned(SideEffecting(t));
            }
        }

        var waitsAgain = new List<PlannedCall>();
        foreach (var d in gone.Values.Where(d => d.Kind is not null))
        {
            if ((now.TryGetValue(d.Position, out var after) && after.Final is not null) || rerun.ContainsKey(d.Position))
            {
                continue;
            }

            var original = all[d.Position];
            switch (d.Class)
            {
                case CallClass.Child when d.Start is not null && RewindPayloads.ChildRunId(d.Start.Payload) is { } child && !ChildNames.IsDerived(c.RunId, d.Position, child):
                    warnings.Add($"Child workflow '{d.Name}' at position {d.Position} has the fixed run id '{child}': it is not started again, and the run uses the result it had.");
                    break;
                case CallClass.Step when d.Entries.Exists(CallTrace.IsBodyTrace):
                case CallClass.Child when d.Start is not null:
                    rerun[d.Position] = original.ToPlanned(original.SideEffecting);
                    break;
                case CallClass.Wait:
                    waitsAgain.Add(original.ToPlanned(false));
                    break;
            }
        }

        var rerunList = rerun.Values.OrderBy(p => all[p.Position].FirstSequence).ToList();
        return new ResumePlan
        {
            RunId = c.RunId,
            Strategy = strategy,
            Reason = reason,
            ContinuingRunId = continuingRunId,
            ChangesRun = true,
            Kept = kept,
            Rerun = rerunList,
            NotReached = NotReached(c, [.. now.Values], rerunList.Concat(waitsAgain)),
            WaitsAgain = waitsAgain,
            Skipped = skipped,
            Edits = edits,
            Warnings = warnings,
            ArchivedEntries = discarded.Count,
        };
    }

    /// <summary>
    /// The workflow's steps after the calls the continuing journal keeps, less those already listed as running or waited
    /// for again; none when it keeps a failure, which fails the run again before it gets further.
    /// </summary>
    private static List<OutlinedStep> NotReached(ResumeContext c, IReadOnlyCollection<CallTrace> kept, IEnumerable<PlannedCall> listed)
    {
        if (c.StepsAfter is not { } stepsAfter || kept.Any(t => t.Final?.Kind == JournalEntryKind.StepFailed))
        {
            return [];
        }

        var again = listed.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return stepsAfter(kept.Select(t => t.Name).ToHashSet(StringComparer.Ordinal)).Where(s => !again.Contains(s.Name)).ToList();
    }
}
