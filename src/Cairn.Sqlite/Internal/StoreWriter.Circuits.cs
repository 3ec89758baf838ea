using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Circuit breakers: compare-and-set on their version.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Writes a breaker if the stored version is one less than its own (absent counts as 0).</summary>
    /// <param name="circuit">The breaker.</param>
    /// <returns>Whether it was written.</returns>
    public bool SaveCircuit(CircuitRecord circuit)
    {
        var sql = circuit.Version == 1 ? CircuitRows.Insert : CircuitRows.Update;
        using var write = new SqliteStatement(_connection, sql);
        return CircuitRows.BindAll(write, circuit).Execute() == 1;
    }
}
