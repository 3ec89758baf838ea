using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Reads of circuit breakers.</content>
internal sealed partial class RunQueries
{
    /// <summary>Reads one breaker.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The breaker, or <see langword="null"/>.</returns>
    public CircuitRecord? GetCircuit(string key)
    {
        using var one = new SqliteStatement(_connection, CircuitRows.SelectOne);
        using var rows = one.Bind(1, key).Query();
        return rows.Read() ? CircuitRows.Read(rows) : null;
    }

    /// <summary>Lists every breaker by key.</summary>
    /// <returns>The breakers.</returns>
    public IReadOnlyList<CircuitRecord> ListCircuits()
    {
        using var all = new SqliteStatement(_connection, CircuitRows.SelectAll);
        using var rows = all.Query();
        var list = new List<CircuitRecord>();
        while (rows.Read())
        {
            list.Add(CircuitRows.Read(rows));
        }

        return list;
    }
}
