using Cairn.Journal;
using Cairn.Resume;

namespace Cairn;

/// <summary>Rebuilds a run's state and step outputs at a checkpoint from its journal, and compares two checkpoints.</summary>
internal static class CheckpointViews
{
    public static CheckpointState At(string runId, IReadOnlyList<JournalEntry> journal, int number)
    {
        var checkpoints = JournalViews.Checkpoints(journal);
        if (number < 0 || number > checkpoints.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, checkpoints.Count == 0
                ? $"Run '{runId}' has no checkpoint yet; only 0 (its start) can be shown."
                : $"Run '{runId}' has checkpoints 1 to {checkpoints.Count} (0 is its start); there is no checkpoint {number}.");
        }

        var checkpoint = number == 0 ? null : checkpoints[number - 1];
        var through = checkpoint?.Sequence ?? 1;
        var prefix = journal.TakeWhile(e => e.Sequence <= through).ToList();
        return new CheckpointState(number, checkpoint, RunStateReplay.Through(prefix), Steps(prefix));
    }

    public static CheckpointDiff Diff(string runId, IReadOnlyList<JournalEntry> journal, int from, int to)
    {
        var a = At(runId, journal, from);
        var b = At(runId, journal, to);
        var state = a.State.Keys.Union(b.State.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new StateDifference(k, a.State.GetValueOrDefault(k), b.State.GetValueOrDefault(k)))
            .Where(d => d.Old != d.New)
            .ToList();
        var before = a.Steps.ToDictionary(s => s.Position, StringComparer.Ordinal);
        var steps = b.Steps.Where(s => !before.TryGetValue(s.Position, out var old) || old != s).ToList();
        return new CheckpointDiff(from, to, state, steps);
    }

    private static List<CheckpointStep> Steps(IReadOnlyList<JournalEntry> entries)
    {
        var steps = new Dictionary<string, CheckpointStep>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in entries)
        {
            StepStatus? status = e.Kind switch
            {
                JournalEntryKind.StepCompleted => StepStatus.Completed,
                JournalEntryKind.StepSkipped => StepStatus.Skipped,
                JournalEntryKind.StepFailed => StepStatus.Failed,
                _ => null,
            };
            if (status is not { } s || e.Position is null)
            {
                continue;
            }

            if (!steps.ContainsKey(e.Position))
            {
                order.Add(e.Position);
            }

            steps[e.Position] = new CheckpointStep(e.Position, e.Name ?? string.Empty, s, s == StepStatus.Failed ? null : e.Payload);
        }

        return order.Select(p => steps[p]).ToList();
    }
}
