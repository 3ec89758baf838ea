using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <summary>Rebuilds a run's state and step outputs at a checkpoint (from the nearest snapshot, if any, plus the journal after it), and compares two checkpoints.</summary>
internal static class CheckpointViews
{
    /// <summary>Returns the sequence a checkpoint's view is built through (1, the run's start, for number 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such checkpoint.</exception>
    public static long Through(string runId, IReadOnlyList<JournalEntry> journal, int number) =>
        Find(runId, journal, number)?.Sequence ?? 1;

    /// <summary>Builds the view at a checkpoint: from <paramref name="snapshot"/> when it lies at or before the checkpoint, otherwise from the journal's start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such checkpoint.</exception>
    public static CheckpointState At(string runId, IReadOnlyList<JournalEntry> journal, int number, StateSnapshot? snapshot = null)
    {
        var checkpoint = Find(runId, journal, number);
        var through = checkpoint?.Sequence ?? 1;
        var fold = snapshot is { } s && s.Sequence <= through ? CheckpointFold.From(s) : new CheckpointFold();
        foreach (var e in journal)
        {
            if (e.Sequence > through)
            {
                break;
            }

            if (e.Sequence > fold.Sequence)
            {
                fold.Add(e);
            }
        }

        return fold.ToState(number, checkpoint);
    }

    public static CheckpointDiff Diff(CheckpointState a, CheckpointState b)
    {
        var state = a.State.Keys.Union(b.State.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new StateDifference(k, a.State.GetValueOrDefault(k), b.State.GetValueOrDefault(k)))
            .Where(d => d.Old != d.New)
            .ToList();
        var before = a.Steps.ToDictionary(s => s.Position, StringComparer.Ordinal);
        var steps = b.Steps.Where(s => !before.TryGetValue(s.Position, out var old) || old != s).ToList();
        return new CheckpointDiff(a.Number, b.Number, state, steps);
    }

    private static CheckpointInfo? Find(string runId, IReadOnlyList<JournalEntry> journal, int number)
    {
        var checkpoints = JournalViews.Checkpoints(journal);
        if (number < 0 || number > checkpoints.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, checkpoints.Count == 0
                ? $"Run '{runId}' has no checkpoint yet; only 0 (its start) can be shown."
                : $"Run '{runId}' has checkpoints 1 to {checkpoints.Count} (0 is its start); there is no checkpoint {number}.");
        }

        return number == 0 ? null : checkpoints[number - 1];
    }
}
