using System.Runtime.CompilerServices;

namespace Cairn.Storage;

/// <summary>
/// Group commit for stores: commits from many concurrent runs queue here and a single writer thread applies all
/// that have queued, in arrival order, as one transaction. Each caller still awaits its own commit, and its task
/// completes only after the batch that holds it is durable.
/// </summary>
/// <remarks>
/// While one batch is being written (and synced), the next one fills up, so the cost of a durable sync is shared
/// by every commit that arrived meanwhile. Queuing takes no lock (a compare-and-swap push), so producers on many
/// threads never convoy. Callers' continuations run on the thread pool, never on the writer: the batch is split
/// into one share per processor and each share is completed by one work item, so a batch of a thousand commits
/// wakes a few threads rather than a thousand.
/// </remarks>
public sealed class GroupCommitter : IDisposable
{
    private readonly Action<IReadOnlyList<PendingCommit>> _writeBatch;
    private readonly int _maxBatch;
    private readonly Thread _writer;
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 0);
    private readonly List<PendingCommit> _batch = new();
    private PendingCommit? _head;
    private volatile bool _stopping;
    private volatile bool _wake;

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
    /// <remarks>Commits queued by one thread, one after another, are applied in that order.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<CommitResult> CommitAsync(RunCommit commit)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        var pending = new PendingCommit(commit);
        PendingCommit? head;
        do
        {
            head = Volatile.Read(ref _head);
            pending.Next = head;
        }
        while (Interlocked.CompareExchange(ref _head, pending, head) != head);

        if (head is null)
        {
            _signal.Set();
        }

        return pending.Task;
    }

    /// <summary>Makes the writer thread call the batch function soon, even with no commit queued (for other writes the store queued itself).</summary>
    public void Wake()
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        _wake = true;
        _signal.Set();
    }

    /// <summary>Writes what is queued, then stops the writer thread.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _signal.Set();
        _writer.Join();

        // A commit pushed while the writer was stopping would otherwise wait for ever.
        for (var p = Interlocked.Exchange(ref _head, null); p is not null; p = p.Next)
        {
            p.Complete(new ObjectDisposedException(nameof(GroupCommitter), "The store was closed before this commit was written."));
        }

        _signal.Dispose();
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriterLoop()
    {
        while (true)
        {
            _signal.Reset();
            var taken = Interlocked.Exchange(ref _head, null);
            var wake = _wake;
            _wake = false;
            if (taken is null)
            {
                if (wake)
                {
                    WriteSafely([]);
                    continue;
                }

                if (_stopping)
                {
                    return;
                }

                _signal.Wait();
                continue;
            }

            // The stack holds the newest first: reverse it into arrival order.
            for (var p = taken; p is not null; p = p.Next)
            {
                _batch.Add(p);
            }

            _batch.Reverse();
            for (var start = 0; start < _batch.Count; start += _maxBatch)
            {
                var slice = _batch.GetRange(start, Math.Min(_maxBatch, _batch.Count - start));
                foreach (var p in slice)
                {
                    p.Next = null;
                }

                CompleteOnThreadPool(slice, WriteSafely(slice));
            }

            _batch.Clear();
        }
    }

    private Exception? WriteSafely(List<PendingCommit> slice)
    {
        try
        {
            _writeBatch(slice);
            return null;
        }
#pragma warning disable CA1031 // The writer must survive any store error and hand it to every waiting caller.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
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
