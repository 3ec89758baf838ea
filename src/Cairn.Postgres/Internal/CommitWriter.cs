using System.Data;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>
/// Group commit: commits from every run of this process queue in a <see cref="GroupCommitter"/>, whose thread writes
/// all that queued as one transaction on one connection, sent as one <see cref="NpgsqlBatch"/>. Each caller awaits
/// its own commit, which completes once the transaction is committed (durable with PostgreSQL's default
/// <c>synchronous_commit</c>).
/// </summary>
/// <remarks>
/// The batch first locks the runs it touches and checks every commit against them (status, owner, sequences)
/// before it writes, so a refused commit leaves nothing to undo. Only when a write fails unexpectedly is the batch
/// rolled back and written again with a savepoint around each commit, so that the failing commit alone is dropped.
/// </remarks>
internal sealed partial class CommitWriter : IDisposable
{
    private const string Savepoint = "cairn_commit";

    private readonly NpgsqlDataSource _source;
    private readonly GroupCommitter _committer;
    private NpgsqlConnection? _connection;

    /// <summary>Initializes a new instance of the <see cref="CommitWriter"/> class and starts its committer.</summary>
    /// <param name="source">The store's data source.</param>
    /// <param name="maxBatch">The most commits in one transaction.</param>
    public CommitWriter(NpgsqlDataSource source, int maxBatch)
    {
        _source = source;
        _committer = new GroupCommitter(WriteBatch, "Cairn PostgreSQL writer", maxBatch);
    }

    /// <summary>Queues a commit and returns when it is durable.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The result.</returns>
    public Task<CommitResult> CommitAsync(RunCommit commit) => _committer.CommitAsync(commit);

    /// <summary>Writes what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        _committer.Dispose();
        _connection?.Dispose();
        _connection = null;
    }

    private void WriteBatch(IReadOnlyList<PendingCommit> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var connection = _connection ??= _source.OpenConnection();
        try
        {
            if (!TryWriteBatch(connection, batch, isolateEachCommit: false))
            {
                TryWriteBatch(connection, batch, isolateEachCommit: true);
            }
        }
        catch
        {
            // A broken connection (the server restarted) is replaced for the next batch.
            if (connection.FullState != ConnectionState.Open)
            {
                connection.Dispose();
                _connection = null;
            }

            throw;
        }
    }

    private bool TryWriteBatch(NpgsqlConnection connection, IReadOnlyList<PendingCommit> batch, bool isolateEachCommit)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            var heads = RunHeads.Lock(connection, transaction, batch);
            using var writes = new NpgsqlBatch(connection, transaction);
            foreach (var pending in batch)
            {
                pending.Result = CommitResult.Committed;
                pending.Error = null;
                if (isolateEachCommit)
                {
                    ApplyInSavepoint(connection, transaction, heads, pending);
                }
                else
                {
                    Apply(connection, transaction, heads, writes, pending);
                }
            }

            Execute(writes);
            transaction.Commit();
            return true;
        }
#pragma warning disable CA1031 // Any failure of the optimistic pass is retried with savepoints, which reports it.
        catch (Exception) when (!isolateEachCommit && connection.FullState == ConnectionState.Open)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private void ApplyInSavepoint(NpgsqlConnection connection, NpgsqlTransaction transaction, RunHeads heads, PendingCommit pending)
    {
        var commit = pending.Commit;
        var existed = heads.TryGet(commit.RunId, out var before);
        var childExisted = commit.ChildRun is { } newChild && heads.TryGet(newChild.RunId, out _);
        transaction.Save(Savepoint);
        try
        {
            using var writes = new NpgsqlBatch(connection, transaction);
            Apply(connection, transaction, heads, writes, pending);
            Execute(writes);
            transaction.Release(Savepoint);
        }
#pragma warning disable CA1031 // The error belongs to this one commit; the rest of the batch goes on.
        catch (Exception e) when (connection.FullState == ConnectionState.Open)
#pragma warning restore CA1031
        {
            transaction.Rollback(Savepoint);
            if (existed)
            {
                heads.Set(commit.RunId, before);
            }

            if (commit.ChildRun is { } child && !childExisted)
            {
                heads.Remove(child.RunId);
            }

            pending.Result = CommitResult.Committed;
            pending.Error = e;
        }
    }

    private static void Execute(NpgsqlBatch writes)
    {
        if (writes.BatchCommands.Count > 0)
        {
            writes.ExecuteNonQuery();
        }
    }
}
