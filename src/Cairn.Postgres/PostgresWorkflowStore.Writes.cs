using Cairn.Postgres.Internal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres;

/// <content>Writes, each durable when its task completes.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <summary>
    /// Runnable runs in claim order, locked for this claim; runs another host is claiming or committing right now are
    /// skipped rather than waited for, so many hosts claim at once without blocking each other or taking a run twice.
    /// </summary>
    private const string ClaimableSql = """
        SELECT id FROM runs
        WHERE workflow = ANY($1) AND (
            status = 0
            OR (status IN (2, 7) AND wake_at IS NOT NULL AND wake_at <= $2)
            OR (status = 1 AND (owner IS NULL OR lease_until IS NULL OR lease_until < $2)))
        ORDER BY priority DESC, coalesce(wake_at, created_at), create_order
        LIMIT $3
        FOR UPDATE SKIP LOCKED
        """;

    /// <inheritdoc />
    public async ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlBatch(connection) { BatchCommands = { RunWrites.CreateRun(run) } };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var task = Writer.CommitAsync(commit);
        return new ValueTask<CommitResult>(cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit <= 0 || request.Workflows.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return [];
        }

        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                var ids = await Db.ListAsync(
                    connection,
                    transaction,
                    ClaimableSql,
                    rows => rows.GetString(0),
                    cancellationToken,
                    Db.TextArray(request.Workflows),
                    Db.Time(request.Now),
                    Db.Int32(request.Limit)).ConfigureAwait(false);

                if (ids.Count == 0)
                {
                    return [];
                }

                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE runs SET status = 1, wake_at = NULL, updated_at = $2, owner = $3, lease_until = $4 WHERE id = ANY($1)",
                    cancellationToken,
                    Db.TextArray(ids),
                    Db.Time(request.Now),
                    Db.Text(request.Owner),
                    Db.Time(request.LeaseUntil)).ConfigureAwait(false);
                return (IReadOnlyList<RunRecord>)await Reads.GetRunsAsync(connection, transaction, ids, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await OwnedRunsAsync(owner, "lease_until = $2", cancellationToken, Db.Time(leaseUntil)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return await OwnedRunsAsync(owner, "owner = NULL, lease_until = NULL", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                var found = await Db.ListAsync(
                    connection,
                    transaction,
                    "SELECT status, EXISTS (SELECT 1 FROM waits WHERE run_id = $1 AND name = $2) FROM runs WHERE id = $1 FOR UPDATE",
                    rows => (Status: (RunStatus)rows.GetInt32(0), Waiting: rows.GetBoolean(1)),
                    cancellationToken,
                    Db.Text(runId),
                    Db.Text(name)).ConfigureAwait(false);
                if (found is not [var (status, waiting)])
                {
                    return SignalOutcome.RunNotFound;
                }

                if (status.IsFinished())
                {
                    return SignalOutcome.RunFinished;
                }

                if (requireOpenWait && !waiting)
                {
                    return SignalOutcome.NotWaiting;
                }

                using var deliver = new NpgsqlBatch(connection, transaction);
                RunWrites.Deliver(deliver, new OutgoingSignal(runId, name, payload), at);
                await deliver.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return SignalOutcome.Accepted;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes every run an owner holds, locking them in id order (as commit batches do, so neither waits on the other in a cycle).</summary>
    private Task<int> OwnedRunsAsync(string owner, string set, CancellationToken cancellationToken, params NpgsqlParameter[] more) =>
        InTransactionAsync(
            (connection, transaction) => Db.ExecuteAsync(
                connection,
                transaction,
                $"WITH owned AS (SELECT id FROM runs WHERE owner = $1 ORDER BY id FOR UPDATE) UPDATE runs r SET {set} FROM owned WHERE r.id = owned.id",
                cancellationToken,
                [Db.Text(owner), .. more]),
            cancellationToken);

    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        Transactions.RunAsync(Source, _options.TransientRetries, work, cancellationToken);
}
