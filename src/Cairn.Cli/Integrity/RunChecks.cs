using System.Globalization;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Cli.Integrity;

/// <summary>The checks of one run against what the store contract reads: each returns the problems found, none when sound.</summary>
internal static class RunChecks
{
    public const string Journal = "journal";
    public const string Branches = "branches";
    public const string Waits = "waits";
    public const string Links = "links";
    public const string Definitions = "definitions";
    public const string Snapshots = "snapshots";

    private const string FromBackup = "Restore the run from a backup: cairn export RUN_ID on the backup and cairn import it into a store without the run, or cairn migrate --from the backup into a new store.";

    public static IEnumerable<string> CheckJournal(IReadOnlyList<JournalEntry> journal)
    {
        if (journal.Count == 0)
        {
            yield return "the run has no journal entries (entry 1, RunStarted, is missing)";
            yield break;
        }

        if (journal[0].Sequence != 1)
        {
            yield return Invariant($"the journal starts at sequence {journal[0].Sequence}, not 1: entries 1 to {journal[0].Sequence - 1} are missing or cannot be read");
        }
        else if (journal[0].Kind != JournalEntryKind.RunStarted)
        {
            yield return $"journal entry 1 is {journal[0].Kind}, not RunStarted";
        }

        foreach (var gap in Gaps(journal, journal[0].Sequence - 1))
        {
            yield return "the journal " + gap;
        }
    }

    public static IEnumerable<string> CheckBranches(IReadOnlyList<JournalBranch> branches, long lastSequence)
    {
        for (var i = 0; i < branches.Count; i++)
        {
            var b = branches[i];
            if (b.Number != i + 1)
            {
                yield return Invariant($"archived branch {i + 1} is numbered {b.Number}; branches are numbered 1, 2, 3 … in order");
            }

            if (b.AfterSequence < 1 || b.AfterSequence >= lastSequence)
            {
                yield return Invariant($"archived branch {b.Number} starts after sequence {b.AfterSequence}, outside the journal (1 to {lastSequence - 1})");
            }

            if (b.Entries.Count > 0 && b.Entries[0].Sequence != b.AfterSequence + 1)
            {
                yield return Invariant($"archived branch {b.Number} starts at sequence {b.Entries[0].Sequence}, not {b.AfterSequence + 1} (right after its branch point)");
            }

            foreach (var gap in Gaps(b.Entries, b.AfterSequence))
            {
                yield return Invariant($"archived branch {b.Number} {gap}");
            }
        }
    }

    public static IEnumerable<string> CheckWaits(RunRecord run)
    {
        if (run.Status.IsWaiting() && run.Waits.Count == 0 && run.WakeAt is null)
        {
            yield return $"the run is {run.Status.ToWireName()} but has no open wait and no wake time, so nothing will ever wake it";
        }
    }

    public static IEnumerable<string> CheckLinks(RunRecord run, IReadOnlySet<string> runIds)
    {
        if (run.ParentRunId is { } parent && !runIds.Contains(parent))
        {
            yield return $"the run is a child of run '{parent}', which does not exist";
        }
    }

    public static IEnumerable<string> CheckDefinition(RunRecord run, IReadOnlyDictionary<string, SortedSet<int>> versions)
    {
        if (versions.TryGetValue(run.Workflow, out var stored) && !stored.Contains(run.Version))
        {
            yield return Invariant($"the run is pinned to version {run.Version} of definition '{run.Workflow}', which is not stored (stored: {string.Join(", ", stored)})");
        }
    }

    public static IEnumerable<string> CheckSnapshots(IReadOnlyList<StateSnapshot> snapshots, long lastSequence)
    {
        foreach (var s in snapshots.Where(s => s.Sequence < 1 || s.Sequence > lastSequence))
        {
            yield return Invariant($"the state snapshot of checkpoint {s.Checkpoint} is at sequence {s.Sequence}, outside the journal (1 to {lastSequence})");
        }
    }

    public static string? Fix(string check, string runId) => check switch
    {
        Journal => "The run cannot be replayed. " + FromBackup.Replace("RUN_ID", runId, StringComparison.Ordinal),
        Branches => "Archived branches are history only and the run still works; to repair them, " + char.ToLowerInvariant(FromBackup[0]) + FromBackup[1..].Replace("RUN_ID", runId, StringComparison.Ordinal),
        Waits => $"cairn resume {runId} replays the run from its journal and continues it; cairn cancel {runId} ends it.",
        Links => "Restore the parent from a backup (cairn export PARENT_ID there, cairn import here); if the parent was deleted on purpose and the child is finished, delete the child with cairn gc.",
        Definitions => $"Copy the definitions from a backup with cairn migrate --from the backup into a new store, or end the run with cairn cancel {runId}.",
        Snapshots => "Snapshots are derived data: cairn gc --snapshots --keep-last 0 deletes them, and checkpoints are then shown from the journal.",
        _ => null,
    };

    private static IEnumerable<string> Gaps(IReadOnlyList<JournalEntry> entries, long after)
    {
        var expected = after + 1;
        foreach (var e in entries)
        {
            if (e.Sequence > expected)
            {
                yield return e.Sequence == expected + 1
                    ? Invariant($"skips sequence {expected}: entry {expected} is missing (the entry before it is {expected - 1}, the one after it {e.Sequence})")
                    : Invariant($"skips sequences {expected} to {e.Sequence - 1}: those entries are missing");
            }
            else if (e.Sequence < expected)
            {
                yield return Invariant($"holds sequence {e.Sequence} again after sequence {expected - 1}");
            }

            expected = Math.Max(expected, e.Sequence + 1);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
