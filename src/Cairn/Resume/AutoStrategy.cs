using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <summary>
/// Chooses a strategy from the journal: a transient failure → retry-failed; a non-determinism error (the code or
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
