using Cairn.Journal;
using Cairn.Memory;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>An in-memory store whose step commits fail a given number of times, like a disk with a bad moment.</summary>
public sealed class FlakyStore(int failingStepCommits) : DelegatingStore(new InMemoryWorkflowStore())
{
    private int _failuresLeft = failingStepCommits;
    private int _failed;

    public int FailedCommits => Volatile.Read(ref _failed);

    public override ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        if (commit.Entries.Any(e => e.Kind == JournalEntryKind.StepCompleted) && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failed);
            return ValueTask.FromException<CommitResult>(new IOException("disk I/O error"));
        }

        return base.CommitAsync(commit, cancellationToken);
    }
}
