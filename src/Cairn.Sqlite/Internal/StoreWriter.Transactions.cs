using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Transactions: one per batch of commits and one per batch of queued writes.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Applies a batch of commits in one transaction; called by the committer's thread.</summary>
    /// <param name="batch">The commits, in arrival order.</param>
    /// <remarks>
    /// Commits check everything that can refuse them before they write, so a refused commit leaves nothing to undo
    /// and the batch needs no savepoints. Only when a write fails unexpectedly is the batch rolled back and written
    /// again with a savepoint around each commit, so that the failing commit alone is dropped.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteBatch(IReadOnlyList<PendingCommit> batch)
    {
        _gate.Wait();
        try
        {
            RunQueuedWrites();
            if (batch.Count > 0 && !TryWriteBatch(batch, isolateEachCommit: false))
            {
                TryWriteBatch(batch, isolateEachCommit: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryWriteBatch(IReadOnlyList<PendingCommit> batch, bool isolateEachCommit)
    {
        BeginTransaction();
        try
        {
            foreach (var pending in batch)
            {
                pending.Result = CommitResult.Committed;
                pending.Error = null;
                if (isolateEachCommit)
                {
                    InSavepoint(() => Apply(pending), error => pending.Error = error);
                }
                else
                {
                    Apply(pending);
                }
            }

            _s.Commit.Execute();
            return true;
        }
#pragma warning disable CA1031 // Any failure of the optimistic pass is retried with savepoints, which reports it.
        catch (Exception) when (!isolateEachCommit)
#pragma warning restore CA1031
        {
            RollbackTransaction();
            return false;
        }
        catch
        {
            RollbackTransaction();
            throw;
        }
    }

    /// <summary>Runs the queued writes in one transaction, each in its own savepoint. The caller holds the gate.</summary>
    private void RunQueuedWrites()
    {
        List<IQueuedWrite> writes;
        lock (_queueLock)
        {
            if (_queued.Count == 0)
            {
                return;
            }

            writes = _queued;
            _queued = [];
        }

        Exception? batchError = null;
        try
        {
            BeginTransaction();
            foreach (var write in writes)
            {
                InSavepoint(() => write.Run(this), write.Fail);
            }

            _s.Commit.Execute();
        }
#pragma warning disable CA1031 // The error is handed to every caller whose write was in the transaction.
        catch (Exception e)
#pragma warning restore CA1031
        {
            batchError = e;
            RollbackTransaction();
        }
        finally
        {
            // Even when the rollback itself fails, no caller is left waiting.
            foreach (var write in writes)
            {
                write.Complete(batchError);
            }
        }
    }

    private void InSavepoint(Action work, Action<Exception> fail)
    {
        _s.Savepoint.Execute();
        try
        {
            work();
        }
#pragma warning disable CA1031 // The error belongs to this one write; the rest of the transaction goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (!InTransaction)
            {
                // SQLite rolled back the whole transaction (disk full, I/O error): the batch fails.
                throw;
            }

            _s.RollbackToSavepoint.Execute();
            _heads.Clear();
            fail(e);
        }

        _s.ReleaseSavepoint.Execute();
    }

    /// <summary>Takes the file's write lock, waiting up to the busy timeout while another process holds it.</summary>
    private void BeginTransaction()
    {
        var started = Stopwatch.GetTimestamp();
        while (!_s.Begin.TryExecute())
        {
            if (Stopwatch.GetElapsedTime(started) >= _busyTimeout)
            {
                _s.Begin.Execute();
                break;
            }
        }

        _nextEntryId = (_s.MaxEntryId.ScalarInt64() ?? 0) + 1;
    }

    private void RollbackTransaction()
    {
        _heads.Clear();
        if (InTransaction)
        {
            _s.Rollback.Execute();
        }
    }
}
