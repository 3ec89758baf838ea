using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <summary>
/// Chooses a strategy from the journal: a transient failure (for a run whose host stopped while executing it: a
/// transient failure as the journal's last event) → retry-failed; a non-determinism error (the code or
/// definition changed) → from-checkpoint at the last checkpoint before the mismatch; nothing completed → restart;
/// otherwise resume.
/// </summary>
internal static partial class AutoStrategy
{
    public static (ResumeStrategy Strategy, string Why, int? Checkpoint) Choose(ResumeContext c)
    {
        var run = c.Run;
        if (run.Status == RunStatus.Completed)
        {
            throw c.NotPossible(ResumeStrategy.Auto, "it has completed, so there is nothing to recover. Use from-checkpoint, fork or restart to run part or all of it again.");
        }

        if (HostDied(c) is { } dead)
        {
            // The run stopped with its host, so its status says nothing about how it was doing: its journal does.
            return LastEvent(c.Journal) is { Kind: JournalEntryKind.StepFailed or JournalEntryKind.StepAttemptFailed } last
                && TransientFailures.Describe(Failure(last.Payload)) is { } cause
                ? (ResumeStrategy.RetryFailed, $"Chose retry-failed: host '{dead}' stopped while executing it, and the journal's last event is step '{last.Name}' at position {last.Position} failing with {cause}, which may pass by itself.", null)
                : (ResumeStrategy.Resume, $"Chose resume: host '{dead}' stopped while executing it, and the journal's last event is not a transient failure.", null);
        }

        if (!run.Status.IsFinished())
        {
            return (ResumeStrategy.Resume, $"Chose resume: the run is {run.Status.ToWireName()}, not failed.", null);
        }

        foreach (var failed in CallTrace.Index(c.Journal).Values.Select(t => t.Final).OfType<JournalEntry>().Where(f => f.Kind == JournalEntryKind.StepFailed))
        {
            if (TransientFailures.Describe(Failure(failed.Payload)) is { } transient)
            {
                return (ResumeStrategy.RetryFailed, $"Chose retry-failed: step '{failed.Name}' at position {failed.Position} failed with {transient}, which may pass by itself.", null);
            }
        }

        var error = Failure(run.Error);
        if (error is not null && error.Type == typeof(NonDeterminismException).FullName && MismatchPosition().Match(error.Message) is { Success: true } match)
        {
            var position = match.Groups[1].Value;
            var first = c.Journal.FirstOrDefault(e => e.Position == position)?.Sequence ?? long.MaxValue;
            var checkpoints = JournalViews.Checkpoints(c.Journal);
            var last = checkpoints.LastOrDefault(cp => cp.Sequence < first);
            var number = last?.Number ?? 0;
            return (ResumeStrategy.FromCheckpoint, $"Chose from-checkpoint {number}: the code or definition changed and no longer replays at position {position}; checkpoint {number} is the last one before it.", number);
        }

        if (!c.Journal.Any(e => e.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepSkipped or JournalEntryKind.WaitCompleted or JournalEntryKind.Checkpoint))
        {
            return (ResumeStrategy.Restart, "Chose restart: nothing completed before the run stopped.", null);
        }

        return (ResumeStrategy.Resume, "Chose resume: the failure is not transient and the code still matches the journal.", null);
    }

    /// <summary>Returns the owner of a run whose host stopped while executing it (status running, no live host), or <see langword="null"/>.</summary>
    internal static string? HostDied(ResumeContext c) => c.Run is { Status: RunStatus.Running, Owner: { } owner } && !c.OwnerAlive ? owner : null;

    /// <summary>The journal's last event, progress reports aside (they say nothing about how the run went).</summary>
    private static JournalEntry? LastEvent(IReadOnlyList<JournalEntry> journal) =>
        journal.LastOrDefault(e => e.Kind != JournalEntryKind.ProgressReported);

    private static FailureInfo? Failure(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FailureInfo>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"at position (\S+): ")]
    private static partial Regex MismatchPosition();
}
