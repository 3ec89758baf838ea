using System.Globalization;
using Cairn.Journal;

namespace Cairn.Storage;

/// <summary>The argument checks of <see cref="IWorkflowStore.RewindRunAsync"/> and <see cref="IWorkflowStore.ImportRunAsync"/>, shared by every store.</summary>
public static class StoreArgumentChecks
{
    /// <summary>Checks a rewind's numbers before the store looks at the run.</summary>
    /// <param name="rewind">The rewind.</param>
    /// <exception cref="ArgumentException">The kept sequence, the branch number or the entries' sequences are impossible.</exception>
    public static void CheckRewind(RunRewind rewind)
    {
        ArgumentNullException.ThrowIfNull(rewind);
        if (rewind.KeepThrough < 1 || rewind.KeepThrough > rewind.ExpectLastSequence)
        {
            throw new ArgumentException(
                $"A rewind of run '{rewind.RunId}' must keep sequence 1 to at most {rewind.ExpectLastSequence}, not {rewind.KeepThrough}.", nameof(rewind));
        }

        if (rewind.Branch < 1)
        {
            throw new ArgumentException($"Branch numbers start at 1; a rewind of run '{rewind.RunId}' gave {rewind.Branch}.", nameof(rewind));
        }

        CheckNumbering(rewind.Entries, rewind.KeepThrough, $"the entries appended by a rewind of run '{rewind.RunId}'", nameof(rewind));
    }

    /// <summary>Checks that an imported run's journal and branches are numbered as a store numbers them.</summary>
    /// <param name="run">The run.</param>
    /// <exception cref="ArgumentException">The journal is empty, is not numbered 1, 2, 3 …, does not start with the run's start, a branch is numbered wrongly, or the snapshots do not lie within the journal in increasing order.</exception>
    public static void CheckImport(RunImport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(run.Run);
        var id = run.Run.RunId;
        if (run.Journal.Count == 0 || run.Journal[0].Kind != JournalEntryKind.RunStarted)
        {
            throw new ArgumentException($"The journal of run '{id}' must start with its RunStarted entry.", nameof(run));
        }

        CheckNumbering(run.Journal, 0, $"the journal of run '{id}'", nameof(run));
        for (var i = 0; i < run.Branches.Count; i++)
        {
            var branch = run.Branches[i];
            if (branch.Number != i + 1)
            {
                throw new ArgumentException($"The branches of run '{id}' must be numbered 1, 2, 3 … in order; branch {i + 1} is numbered {branch.Number}.", nameof(run));
            }

            CheckNumbering(branch.Entries, branch.AfterSequence, $"branch {branch.Number} of run '{id}'", nameof(run));
        }

        var previous = 0L;
        foreach (var snapshot in run.Snapshots)
        {
            if (snapshot.Sequence <= previous || snapshot.Sequence > run.Journal.Count)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The snapshots of run '{id}' must lie within its journal (1 to {run.Journal.Count}) in increasing order; one has sequence {snapshot.Sequence}."), nameof(run));
            }

            previous = snapshot.Sequence;
        }
    }

    private static void CheckNumbering(IReadOnlyList<JournalEntry> entries, long after, string what, string parameter)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Sequence != after + i + 1)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The sequences of {what} must follow {after} without gaps: entry {i + 1} has sequence {entries[i].Sequence}, expected {after + i + 1}."), parameter);
            }
        }
    }
}
