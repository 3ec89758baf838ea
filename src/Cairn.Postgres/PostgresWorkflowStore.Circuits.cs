using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>Circuit breakers: compare-and-set on their version.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<CircuitRecord?> GetCircuitAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = await Reads.ListAsync(Source, $"SELECT {Rows.CircuitColumns} FROM circuits WHERE key = $1", Rows.ReadCircuit, cancellationToken, Db.Text(key)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<bool> SaveCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var sql = circuit.Version == 1
            ? $"INSERT INTO circuits ({Rows.CircuitColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING"
            : """
                UPDATE circuits SET state = $2, failures = $3, until = $4, trials = $5, openings = $6, version = $7, updated_at = $8
                WHERE key = $1 AND version = $7 - 1
                """;
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Db.ExecuteAsync(
                connection,
                null,
                sql,
                cancellationToken,
                Db.Text(circuit.Key),
                Db.Int32((int)circuit.State),
                Db.Int32(circuit.Failures),
                Db.Time(circuit.Until),
                Db.Int32(circuit.Trials),
                Db.Int64(circuit.Openings),
                Db.Int64(circuit.Version),
                Db.Time(circuit.UpdatedAt)).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CircuitRecord>> ListCircuitsAsync(CancellationToken cancellationToken = default) =>
        await Reads.ListAsync(Source, $"SELECT {Rows.CircuitColumns} FROM circuits ORDER BY key", Rows.ReadCircuit, cancellationToken).ConfigureAwait(false);
}
