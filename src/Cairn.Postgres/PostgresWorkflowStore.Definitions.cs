using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>Stored definitions.</content>
public sealed partial class PostgresWorkflowStore
{
    private const string SelectDefinitions = $"SELECT {Rows.DefinitionColumns} FROM definitions";

    /// <inheritdoc />
    public async ValueTask<DefinitionRecord> SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(definition.Version);
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                // Hosts saving the same workflow at once number their versions one after the other.
                await Db.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('cairn.definitions:' || current_schema() || ':' || $1))", cancellationToken, Db.Text(definition.Name)).ConfigureAwait(false);
                var stored = await Db.ListAsync(
                    connection,
                    transaction,
                    $"{SelectDefinitions} WHERE name = $1 AND (version = $2 OR version = (SELECT max(version) FROM definitions WHERE name = $1))",
                    Rows.ReadDefinition,
                    cancellationToken,
                    Db.Text(definition.Name),
                    Db.Int32(definition.Version)).ConfigureAwait(false);

                var (record, insert) = DefinitionNumbering.Decide(
                    definition,
                    version => version is { } v ? stored.Find(d => d.Version == v) : stored.OrderByDescending(d => d.Version).FirstOrDefault());
                if (insert)
                {
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        $"INSERT INTO definitions ({Rows.DefinitionColumns}) VALUES ($1, $2, $3, $4, $5, $6)",
                        cancellationToken,
                        Db.Text(record.Name),
                        Db.Int32(record.Version),
                        Db.Text(record.Hash),
                        Db.Text(record.Source),
                        Db.Text(record.File),
                        Db.Time(record.CreatedAt)).ConfigureAwait(false);
                }

                return record;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<DefinitionRecord?> GetDefinitionAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = await Reads.ListAsync(
            Source,
            $"{SelectDefinitions} WHERE name = $1 AND ($2 IS NULL OR version = $2) ORDER BY version DESC LIMIT 1",
            Rows.ReadDefinition,
            cancellationToken,
            Db.Text(name),
            Db.Int32(version)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default) =>
        await Reads.ListAsync(Source, $"{SelectDefinitions} ORDER BY name, version", Rows.ReadDefinition, cancellationToken).ConfigureAwait(false);
}
