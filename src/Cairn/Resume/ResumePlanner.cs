using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <summary>
/// Plans every resume strategy from the journal alone: where to cut, what is kept, what runs again, and the store
/// change that carries it out. Planning never writes, so a dry run is the same plan, not applied.
/// </summary>
internal static partial class ResumePlanner
{
    public static ResumeDecision Plan(ResumeContext c)
    {
        var strategy = c.Request.Strategy;
        string? why = null;
        if (strategy == ResumeStrategy.Auto)
        {
            (strategy, why, var checkpoint) = AutoStrategy.Choose(c);
            c = c with { Request = c.Request with { Strategy = strategy, Checkpoint = checkpoint ?? c.Request.Checkpoint } };
        }

        var decision = strategy switch
        {
            ResumeStrategy.Resume => PlanResume(c),
            ResumeStrategy.Restart => PlanRestart(c),
            ResumeStrategy.Fork => PlanFork(c),
            ResumeStrategy.FromCheckpoint => InPlace(c, strategy, CheckpointCut(c, strategy), DescribeCheckpoint(c, strategy)),
            ResumeStrategy.FromStep => InPlace(c, strategy, StepCut(c), $"Keeps everything before the first occurrence of step '{c.Request.StepId}' and runs again from there."),
            ResumeStrategy.RetryFailed => InPlace(c, strategy, RetryCut(c), "Keeps every completed step, completed parallel branches included, and runs only the failed ones again."),
            ResumeStrategy.SkipFailed => InPlace(c, strategy, SkipCut(c), "Records the failed step as skipped with the given output and goes on."),
            _ => throw new ArgumentOutOfRangeException(nameof(c), strategy, "Unknown resume strategy."),
        };
        var plan = decision.Plan with { DryRun = c.Request.DryRun };
        return decision with { Plan = why is null ? plan : plan with { Reason = why + " " + plan.Reason } };
    }

    private static bool HasEdits(ResumeRequest r) => r.Input is not null || r.SetState.Count > 0 || r.Version is not null;

    private static ResumeDecision PlanResume(ResumeContext c)
    {
        var run = c.Run;
        switch (run.Status)
        {
            case RunStatus.Completed:
                throw c.NotPossible(ResumeStrategy.Resume, "it has completed, so nothing is left to resume. Use from-checkpoint, fork or restart to run part or all of it again.");
            case RunStatus.Failed or RunStatus.Cancelled:
                var last = c.Journal.Last(e => !IsTrailing(e.Kind));
                return InPlace(c, ResumeStrategy.Resume, Cut.Tail(c.Journal, last.Sequence, null, LastCheckpointPosition(c.Journal, last.Sequence)),
                    $"Drops what the {run.Status.ToWireName()} run recorded after its last completed step and continues from there.");
            case RunStatus.Running when c.OwnerAlive:
                if (HasEdits(c.Request))
                {
                    throw c.NotPossible(ResumeStrategy.Resume, $"it is executing on host '{run.Owner}'. Pause it first (it pauses at its next step boundary), then resume it with the edits.");
                }

                return Unchanged(c, $"It is executing on host '{run.Owner}' and continues by itself.");
        }

        if (run.Status == RunStatus.Parked && run.Waits.Where(WorkflowClient.IsResolvable).ToList() is { Count: > 0 } parked)
        {
            return RetryParked(c, parked);
        }

        if (HasEdits(c.Request))
        {
            return InPlace(c, ResumeStrategy.Resume, Cut.Tail(c.Journal, c.LastSequence, null, LastCheckpointPosition(c.Journal, c.LastSequence)),
                "Keeps the whole journal, journals the edits and continues.");
        }

        return run.Status switch
        {
            RunStatus.Paused => Continue(c, "Resumes the paused run after its last completed step.") with { Unpause = true },
            RunStatus.Running when run.Owner is { } dead =>
                Continue(c, $"Host '{dead}' stopped while executing it; any host now continues it from its journal.") with { ReleaseOwner = dead },
            RunStatus.Suspended or RunStatus.Parked => Unchanged(c, $"It is waiting ({string.Join(", ", run.Waits.Select(w => w.Name))}) and continues by itself when that arrives."),
            _ => Unchanged(c, "It is waiting for a host and continues by itself."),
        };
    }

    /// <summary>A parked run: keeps the whole journal, journals the edits, and retries the parked steps (their resolution is delivered with the rewind).</summary>
    private static ResumeDecision RetryParked(ResumeContext c, List<WaitRecord> parked)
    {
        var steps = string.Join(", ", parked.Select(w => $"'{ResolutionPayloads.Read(w.Detail).Step}'"));
        var decision = InPlace(c, ResumeStrategy.Resume, Cut.Tail(c.Journal, c.LastSequence, null, LastCheckpointPosition(c.Journal, c.LastSequence)),
            $"Keeps the whole journal{(HasEdits(c.Request) ? ", journals the edits" : string.Empty)} and retries the parked step(s) {steps}.");
        var retry = ResolutionPayloads.Resolve(Resolution.Retry);
        return decision with
        {
            Rewind = decision.Rewind! with { Signals = parked.Select(w => new OutgoingSignal(c.RunId, w.Name, retry)).ToList() },
        };
    }

    /// <summary>Entries a failed or cancelled run recorded after its last completed step, which resume drops.</summary>
    private static bool IsTrailing(JournalEntryKind kind) => kind is JournalEntryKind.StepFailed or JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepParked
        or JournalEntryKind.StepStarted or JournalEntryKind.RunFailed or JournalEntryKind.RunCancelled or JournalEntryKind.RunCompleted
        or JournalEntryKind.ProgressReported or JournalEntryKind.RunPaused or JournalEntryKind.RunResumed;

    private static ResumeDecision Unchanged(ResumeContext c, string reason) => new()
    {
        Plan = Describe(c, ResumeStrategy.Resume, reason, c.RunId, c.Journal, new HashSet<long>(), [], []) with { ChangesRun = false, KeptThrough = c.LastSequence },
    };

    private static ResumeDecision Continue(ResumeContext c, string reason) => new()
    {
        Plan = Describe(c, ResumeStrategy.Resume, reason, c.RunId, c.Journal, new HashSet<long>(), [], []) with { ChangesRun = true, KeptThrough = c.LastSequence },
    };

    private static string DescribeCheckpoint(ResumeContext c, ResumeStrategy strategy) =>
        $"Keeps the journal up to checkpoint {c.Request.Checkpoint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(the last)"} and continues in place; the rest is archived.";

    /// <summary>The position of the last checkpoint (a completed or skipped step, or a named checkpoint) at or before a sequence.</summary>
    private static string? LastCheckpointPosition(IReadOnlyList<JournalEntry> journal, long through) =>
        journal.LastOrDefault(e => e.Sequence <= through && e.Position is not null
            && e.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepSkipped or JournalEntryKind.Checkpoint)?.Position;
}
