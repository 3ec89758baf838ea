using Cairn.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cairn.Sqlite.Internal;

/// <summary>
/// Owns the store's one write connection in this process. Commits are grouped by a <see cref="GroupCommitter"/>;
/// other writes (create, claim, signal, leases) queue here and run on the same connection, between batches, so
/// writes from one process never wait on SQLite's busy handler for each other.
/// </summary>
/// <remarks>
/// The committer's thread runs the queued writes before each batch (it is woken for them when no commit is
/// queued). Several processes may write the same file; SQLite's write lock (taken by <c>BEGIN IMMEDIATE</c>,
/// waiting up to the busy timeout) serializes them.
/// </remarks>
internal sealed partial class StoreWriter : IDisposable
{
    private const int MaxCachedHeads = 100_000;

    private readonly SqliteConnection _connection;
    private readonly WriterStatements _s;
    private readonly RunQueries _queries;
    private readonly GroupCommitter _committer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _queueLock = new();
    private readonly TimeSpan _busyTimeout;

    // The journal head of runs this writer has seen, so a step can skip reading it. Only a hint: every write that
    // relies on it checks it in its WHERE clause, so a stale entry (another process appended) costs one extra read.
    private readonly Dictionary<string, RunHead> _heads = new(StringComparer.Ordinal);
    private List<IQueuedWrite> _queued = [];
    private long _nextEntryId;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="StoreWriter"/> class and starts its committer.</summary>
    /// <param name="connection">An open read-write connection; the writer owns it from now on.</param>
    /// <param name="maxBatch">The most commits in one transaction.</param>
    /// <param name="busyTimeout">How long to wait for another process's write lock.</param>
    public StoreWriter(SqliteConnection connection, int maxBatch, TimeSpan busyTimeout)
    {
        _connection = connection;
        _busyTimeout = busyTimeout;

        // SQLite's busy handler sleeps up to 100 ms between attempts, which rarely meets the short gaps between the
        // transactions of a busy writer in another process; BeginTransaction polls every millisecond instead.
        StoreConnections.Execute(connection, "PRAGMA busy_timeout = 1;");
        _s = new WriterStatements(connection);
        _queries = new RunQueries(connection);
        _committer = new GroupCommitter(WriteBatch, "Cairn SQLite writer", maxBatch);
    }

    private interface IQueuedWrite
    {
        void Run(StoreWriter writer);

        void Fail(Exception error);

        void Complete(Exception? batchError);
    }

    private bool InTransaction => raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    /// <summary>Queues a commit and returns when it is durable.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The result.</returns>
    public Task<CommitResult> CommitAsync(RunCommit commit) => _committer.CommitAsync(commit);

    /// <summary>Runs a write in its own savepoint of a durable transaction on the write connection.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The write; it runs on the committer's thread, before its next batch.</param>
    /// <returns>The write's result, once durable.</returns>
    public Task<T> RunAsync<T>(Func<StoreWriter, T> operation)
    {
        var write = new QueuedWrite<T>(operation);
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queued.Add(write);
        }

        // The committer's thread runs queued writes before its next batch, so concurrent writes (many runs created
        // at once) share one transaction, and callers never do a durable sync on their own thread.
        _committer.Wake();
        return write.Task;
    }

    /// <summary>Writes what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _committer.Dispose();
        _gate.Wait();
        try
        {
            RunQueuedWrites();
            _queries.Dispose();
            _s.Dispose();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RememberHead(string runId, RunHead head)
    {
        if (_heads.Count >= MaxCachedHeads && !_heads.ContainsKey(runId))
        {
            _heads.Clear();
        }

        _heads[runId] = head;
    }

    /// <summary>A run's row key in <c>run_heads</c> and its last journal sequence and entry id.</summary>
    private readonly record struct RunHead(long Key, long Sequence, long Entry);

    private sealed class QueuedWrite<T>(Func<StoreWriter, T> operation) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _done.Task;

        public void Run(StoreWriter writer) => _result = operation(writer);

        public void Fail(Exception error) => _error = error;

        public void Complete(Exception? batchError)
        {
            if ((batchError ?? _error) is { } error)
            {
                _done.TrySetException(error);
            }
            else
            {
                _done.TrySetResult(_result!);
            }
        }
    }
}
