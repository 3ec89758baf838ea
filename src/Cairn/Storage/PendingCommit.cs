namespace Cairn.Storage;

/// <summary>A commit waiting in a <see cref="GroupCommitter"/> batch; the batch executor sets its outcome.</summary>
public sealed class PendingCommit
{
    // Completed by a thread-pool item that completes a whole share of the batch; continuations run inline there.
    private readonly TaskCompletionSource<CommitResult> _done = new();

    internal PendingCommit(RunCommit commit) => Commit = commit;

    /// <summary>Gets the commit to apply.</summary>
    public RunCommit Commit { get; }

    /// <summary>Gets or sets the result to hand back once the batch is durable.</summary>
    public CommitResult Result { get; set; } = CommitResult.Committed;

    /// <summary>Gets or sets an error for this commit alone (the rest of the batch still applies).</summary>
    public Exception? Error { get; set; }

    internal Task<CommitResult> Task => _done.Task;

    /// <summary>Gets or sets the commit queued before this one (the committer's lock-free stack).</summary>
    internal PendingCommit? Next { get; set; }

    internal void Complete(Exception? batchError)
    {
        var error = batchError ?? Error;
        if (error is null)
        {
            _done.TrySetResult(Result);
        }
        else
        {
            _done.TrySetException(error);
        }
    }
}
