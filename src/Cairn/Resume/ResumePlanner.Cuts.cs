using System.Globalization;
using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <content>Where each strategy cuts the journal.</content>
internal static partial class ResumePlanner
{
    private static Cut CheckpointCut(ResumeContext c, ResumeStrategy strategy)
    {
        var checkpoints = JournalViews.Checkpoints(c.Journal);
        var number = c.Request.Checkpoint ?? checkpoints.Count;
        if (number < 0 || number > checkpoints.Count)
        {
            throw c.NotPossible(strategy, checkpoints.Count == 0
                ? $"it has no checkpoint {number}; it has none yet, so only checkpoint 0 (its start) can be used."
                : $"it has no checkpoint {number}; its checkpoints are 1 to {checkpoints.Count} (0 is its start). List them to choose one.");
        }

        return number == 0
            ? Cut.Tail(c.Journal, 1, 0, null)
            : Cut.Tail(c.Journal, checkpoints[number - 1].Sequence, number, checkpoints[number - 1].Position);
    }

    private static Cut StepCut(ResumeContext c)
    {
        var name = c.Request.StepId;
        if (string.IsNullOrEmpty(name))
        {
            throw c.NotPossible(ResumeStrategy.FromStep, "no step was named; give the step to run again from.");
        }

        var calls = CallTrace.Index(c.Journal).Values;
        var first = calls.Where(t => t.Name == name && t.Class == CallClass.Step).Select(t => (long?)t.FirstSequence).Min()
            ?? calls.Where(t => t.Name == name && t.Kind is not null).Select(t => (long?)t.FirstSequence).Min();
        if (first is not { } sequence)
        {
            var known = calls.Where(t => t.Class == CallClass.Step).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            throw c.NotPossible(ResumeStrategy.FromStep, known.Count == 0
                ? $"its journal has no step '{name}'; no step has been recorded yet."
                : $"its journal has no step '{name}'; its steps are: {string.Join(", ", known)}.");
        }

        return Cut.Tail(c.Journal, sequence - 1, null, LastCheckpointPosition(c.Journal, sequence - 1), step: name);
    }

    private static Cut RetryCut(ResumeContext c)
    {
        var failed = FailedCalls(c, includeChildren: true);
        if (failed.Count == 0)
        {
            throw c.NotPossible(ResumeStrategy.RetryFailed, $"it has no failed step or child workflow (status {c.Run.Status.ToWireName()}); use resume to continue it.");
        }

        var discard = failed.SelectMany(t => t.Entries.Concat(Handling(c.Journal, t))).Select(e => e.Sequence).Concat(TerminalSequences(c.Journal)).ToHashSet();
        var keep = discard.Min() - 1;
        return new Cut(keep, discard, null, LastCheckpointPosition(c.Journal.Where(e => !discard.Contains(e.Sequence)).ToList(), long.MaxValue));
    }

    private static Cut SkipCut(ResumeContext c)
    {
        var failed = FailedCalls(c, includeChildren: false);
        var wanted = c.Request.StepId;
        var describe = string.Join(", ", failed.Select(t => $"'{t.Name}' at {t.Position}"));
        var target = wanted is not null
            ? failed.Find(t => t.Name == wanted) ?? throw c.NotPossible(ResumeStrategy.SkipFailed, failed.Count == 0
                ? $"step '{wanted}' has not failed, and no step has."
                : $"step '{wanted}' has not failed; the failed steps are {describe}.")
            : failed.Count switch
            {
                0 => throw c.NotPossible(ResumeStrategy.SkipFailed, $"it has no failed step (status {c.Run.Status.ToWireName()})."),
                1 => failed[0],
                _ => throw c.NotPossible(ResumeStrategy.SkipFailed, $"{failed.Count.ToString(CultureInfo.InvariantCulture)} steps failed ({describe}); name the one to skip."),
            };
        var discard = target.Entries.Concat(Handling(c.Journal, target)).Select(e => e.Sequence).Concat(TerminalSequences(c.Journal)).ToHashSet();
        var skip = new JournalEntry
        {
            Sequence = 0,
            Kind = JournalEntryKind.StepSkipped,
            Position = target.Position,
            Name = target.Name,
            Payload = c.Request.Value?.GetRawText(),
            Attempt = Math.Max(1, target.Entries.Max(e => e.Attempt)),
            At = c.Now,
        };
        return new Cut(discard.Min() - 1, discard, null, target.Position, skip, target.Name);
    }

    /// <summary>Steps whose last entry is a failure, and (for retry-failed) children that ended failed or cancelled.</summary>
    /// <summary>
    /// The calls that failed: steps that failed for good and, when asked, failed children. Of a run whose host stopped
    /// while executing it, a step whose last entry is a failed attempt counts too: it runs again with fresh attempts.
    /// </summary>
    private static List<CallTrace> FailedCalls(ResumeContext c, bool includeChildren)
    {
        var hostDied = AutoStrategy.HostDied(c) is not null;
        return CallTrace.Index(c.Journal).Values
            .Where(t => t.Final?.Kind == JournalEntryKind.StepFailed
                || (includeChildren && t.Class == CallClass.Child && t.Final is { } f && CallTrace.ChildFailed(f.Payload))
                || (hostDied && t.Final is null && t.Entries[^1].Kind == JournalEntryKind.StepAttemptFailed))
            .ToList();
    }

    /// <summary>What a failed step's failure policy recorded under its position (an escalation's answer, a park's resolution, a fallback's steps), which goes with the failure.</summary>
    private static IEnumerable<JournalEntry> Handling(IReadOnlyList<JournalEntry> journal, CallTrace failed) => failed.Class != CallClass.Step
        ? []
        : journal.Where(e => e.Position is { } p && p.StartsWith(failed.Position + ".", StringComparison.Ordinal) && !p.Contains(".undo.", StringComparison.Ordinal));

    private static IEnumerable<long> TerminalSequences(IReadOnlyList<JournalEntry> journal) =>
        journal.Where(e => e.Kind is JournalEntryKind.RunFailed or JournalEntryKind.RunCancelled or JournalEntryKind.RunCompleted).Select(e => e.Sequence);
}
