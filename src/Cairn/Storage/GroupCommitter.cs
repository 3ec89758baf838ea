namespace Cairn.Storage;

/// <summary>
/// Group commit for stores: commits from many concurrent runs queue here and a single writer thread applies all
/// that have queued, in arrival order, as one transaction. Each caller still awaits its own commit, and its task
/// completes only after the batch that holds it is durable.
/// </summary>
/// <remarks>
/// While one batch is being written (and synced), the next one fills up, so the cost of a durable sync is shared
/// by every commit that arrived meanwhile. Callers' continuations run on the thread pool, never on the writer: the
/// batch is split into one share per processor and each share is completed by one work item, so a batch of a
/// thousand commits wakes a few threads rather than a thousand.
/// </remarks>
public sealed class GroupCommitter : IDisposable
{
    private readonly Action<IReadOnlyList<PendingCommit>> _writeBatch;
    private readonly int _maxBatch;
    private readonly object _gate = new();
    private readonly Thread _writer;
    private List<PendingCommit> _queue = new();
    private List<PendingCommit> _spare = new();
    private bool _stopping;
    private bool _wake;

    /// <summary>Initializes a new instance of the <see cref="GroupCommitter"/> class and starts its writer thread.</summary>
    /// <param name="writeBatch">Applies a batch in one durable transaction; sets <see cref="PendingCommit.Result"/> or <see cref="PendingCommit.Error"/> per commit, or throws to fail the whole batch.</param>
    /// <param name="name">The writer thread's name.</param>
    /// <param name="maxBatch">The most commits in one transaction.</param>
    public GroupCommitter(Action<IReadOnlyList<PendingCommit>> writeBatch, string name, int maxBatch = 1024)
    {
        ArgumentNullException.ThrowIfNull(writeBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _writeBatch = writeBatch;
        _maxBatch = maxBatch;
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = name };
        _writer.Start();
    }

    /// <summary>Queues a commit and returns when it is durable.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The commit's result.</returns>
    /// <exception cref="ObjectDisposedException">The committer was disposed.</exception>
    public Task<CommitResult> CommitAsync(RunCommit commit)
    {
        var pending = new PendingCommit(commit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Add(pending);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return pending.Task;
    }

    /// <summary>Makes the writer thread call the batch function soon, even with no commit queued (for other writes the store queued itself).</summary>
    public void Wake()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _wake = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Writes what is queued, then stops the writer thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _writer.Join();
    }

    private void WriteEmpty()
    {
        try
        {
            _writeBatch([]);
        }
#pragma warning disable CA1031 // The store reports errors of its own queued writes to their callers.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void CompleteOnThreadPool(List<PendingCommit> done, Exception? batchError)
    {
        var shares = Math.Clamp(done.Count / 8, 1, Environment.ProcessorCount);
        var size = (done.Count + shares - 1) / shares;
        for (var start = 0; start < done.Count; start += size)
        {
            var share = new Share(done, start, Math.Min(size, done.Count - start), batchError);
            ThreadPool.UnsafeQueueUserWorkItem(share, preferLocal: false);
        }
    }

    private void WriterLoop()
    {
        while (true)
        {
            List<PendingCommit> batch;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopping && !_wake)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0 && !_wake)
                {
                    return;
                }

                _wake = false;
                batch = _queue;
                _queue = _spare;
                _spare = batch;
            }

            if (batch.Count == 0)
            {
                WriteEmpty();
                continue;
            }

            for (var start = 0; start < batch.Count; start += _maxBatch)
            {
                var slice = start == 0 && batch.Count <= _maxBatch
                    ? batch
                    : batch.GetRange(start, Math.Min(_maxBatch, batch.Count - start));
                Exception? batchError = null;
                try
                {
                    _writeBatch(slice);
                }
#pragma warning disable CA1031 // The writer must survive any store error and hand it to every waiting caller.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    batchError = e;
                }

                CompleteOnThreadPool(slice == batch ? [.. slice] : slice, batchError);
            }

            batch.Clear();
        }
    }

    private sealed class Share(List<PendingCommit> commits, int start, int count, Exception? batchError) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            for (var i = start; i < start + count; i++)
            {
                commits[i].Complete(batchError);
            }
        }
    }
}
