using System.Globalization;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Creates the store's schema, or brings an older one up to date, safely while other processes do the same.</summary>
/// <remarks>
/// Everything happens in one transaction that first takes a transaction-scoped advisory lock for the schema name:
/// processes starting together queue on it, the first creates the tables and the others find them current. A
/// schema that is newer than this build, or that holds tables but no version table, is refused before anything is
/// written, and the transaction is rolled back.
/// </remarks>
internal static class SchemaMigrator
{
    /// <summary>The first key of the advisory lock (the second is the hash of the schema name): "Cairn" in ASCII.</summary>
    private const int LockKey = 0x43616972;

    /// <summary>Checks the schema and applies the migrations it lacks.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The schema name (validated: no quoting needed).</param>
    /// <param name="now">The time to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schema version the store had before (0 when it was created).</returns>
    /// <exception cref="StoreSchemaException">The schema is not a Cairn store, or is newer than this build.</exception>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Db.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1, hashtext($2))", cancellationToken, Db.Int32(LockKey), Db.Text(schema)).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        if (version == StoreSchema.CurrentVersion)
        {
            return version;
        }

        await Db.ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {schema}; SET LOCAL search_path TO {schema}", cancellationToken).ConfigureAwait(false);
        for (var next = version + 1; next <= StoreSchema.CurrentVersion; next++)
        {
            await Db.ExecuteAsync(connection, transaction, StoreSchema.Migrations[next - 1], cancellationToken).ConfigureAwait(false);
            await Db.ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO {StoreSchema.VersionTable} (version, applied_at) VALUES ($1, $2)",
                cancellationToken,
                Db.Int32(next),
                Db.Time(now)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>Reads the schema version, refusing schemas this build cannot use.</summary>
    /// <returns>The version, or 0 when the schema is missing or has no tables.</returns>
    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var tables = await Db.ListAsync(
            connection,
            transaction,
            "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename",
            rows => rows.GetString(0),
            cancellationToken,
            Db.Text(schema)).ConfigureAwait(false);
        var where = Where(connection);
        if (tables.Count == 0)
        {
            return 0;
        }

        if (!tables.Contains(StoreSchema.VersionTable))
        {
            var listed = string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? ", …" : string.Empty);
            throw new StoreSchemaException(
                $"The schema '{schema}' of {where} holds tables ({listed}) but no {StoreSchema.VersionTable} table, so it is not a Cairn store. " +
                "Set PostgresStoreOptions.Schema to a schema of its own (it is created when missing). Nothing was changed.");
        }

        using var read = Db.Command(connection, transaction, $"SELECT max(version) FROM {schema}.{StoreSchema.VersionTable}");
        var version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        if (version > StoreSchema.CurrentVersion)
        {
            throw new StoreSchemaException(string.Create(
                CultureInfo.InvariantCulture,
                $"The Cairn store in schema '{schema}' of {where} was written by a newer Cairn (schema {version}, this version supports {StoreSchema.CurrentVersion}); upgrade Cairn to open it. Nothing was changed."));
        }

        if (version < 1)
        {
            throw new StoreSchemaException(
                $"The Cairn store in schema '{schema}' of {where} is damaged: its {StoreSchema.VersionTable} table holds no valid version. Restore it from a backup, or use another schema. Nothing was changed.");
        }

        return version;
    }

    private static string Where(NpgsqlConnection connection) =>
        $"database '{connection.Database}' on {connection.Host}:{connection.Port}";
}
