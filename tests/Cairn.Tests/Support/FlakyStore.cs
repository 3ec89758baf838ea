using Cairn.Journal;
using Cairn.Memory;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>An in-memory store whose step commits fail a given number of times, like a disk with a bad moment.</summary>
public sealed class FlakyStore(int failingStepCommits) : IWorkflowStore
{
    private readonly InMemoryWorkflowStore _inner = new();
    private int _failuresLeft = failingStepCommits;
    private int _failed;

    public int FailedCommits => Volatile.Read(ref _failed);

    public ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        if (commit.Entries.Any(e => e.Kind == JournalEntryKind.StepCompleted) && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failed);
            return ValueTask.FromException<CommitResult>(new IOException("disk I/O error"));
        }

        return _inner.CommitAsync(commit, cancellationToken);
    }

    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default) => _inner.ReadJournalAsync(runId, cancellationToken);

    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => _inner.InitializeAsync(cancellationToken);

    public ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default) => _inner.CreateRunAsync(run, cancellationToken);

    public ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => _inner.GetRunAsync(runId, cancellationToken);

    public ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default) => _inner.ReadSignalsAsync(runId, cancellationToken);


    public ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default) => _inner.ClaimAsync(request, cancellationToken);

    public ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => _inner.RenewLeasesAsync(owner, leaseUntil, cancellationToken);

    public ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default) => _inner.ListOwnersAsync(cancellationToken);

    public ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default) => _inner.ReleaseOwnerAsync(owner, cancellationToken);

    public ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default) => _inner.GetNextWakeAsync(workflows, cancellationToken);

    public ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _inner.SendSignalAsync(runId, name, payload, requireOpenWait, at, cancellationToken);

    public ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default) => _inner.GetScopedStateAsync(scope, scopeId, key, cancellationToken);

    public ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default) => _inner.ListRunsAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
