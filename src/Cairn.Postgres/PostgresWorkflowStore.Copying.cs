using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>Listing and writing scoped state and breakers as they are, for copying whole stores.</content>
public sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScopedStateEntry>> ListScopedStateAsync(CancellationToken cancellationToken = default) =>
        await Reads.ListAsync(
            Source,
            "SELECT scope, scope_id, key, value::text, version FROM scoped_state ORDER BY scope, scope_id, key",
            rows => new ScopedStateEntry((StateScope)rows.GetInt32(0), rows.GetString(1), rows.GetString(2), rows.GetStringOrNull(3), rows.GetInt64(4)),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<bool> ImportScopedStateAsync(ScopedStateEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Version, 1);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Db.ExecuteAsync(
                connection,
                null,
                "INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope, scope_id, key) DO NOTHING",
                cancellationToken,
                Db.Int32((int)entry.Scope),
                Db.Text(entry.ScopeId),
                Db.Text(entry.Key),
                Db.Json(entry.Value),
                Db.Int64(entry.Version)).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> ImportCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfLessThan(circuit.Version, 1);
        var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Db.ExecuteAsync(
                connection,
                null,
                $"INSERT INTO circuits ({Rows.CircuitColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING",
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
}
