using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Runs work in a transaction on a pooled connection, again when PostgreSQL aborted it for a deadlock or a serialization failure.</summary>
internal static class Transactions
{
    public static async Task<T> RunAsync<T>(NpgsqlDataSource source, int retries, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    try
                    {
                        var result = await work(connection, transaction).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return result;
                    }
                    catch (PostgresException e) when (attempt < retries && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                    {
                        // Rolled back when the transaction is disposed; try again.
                    }
                }
            }
        }
    }
}
