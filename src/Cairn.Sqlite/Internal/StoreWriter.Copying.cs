using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Writing scoped state and breakers as they are, for copying a store.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Inserts a scoped state key with its version unless the key exists.</summary>
    /// <param name="entry">The key.</param>
    /// <returns>Whether it was written.</returns>
    public bool ImportScopedState(ScopedStateEntry entry)
    {
        using var insert = new SqliteStatement(_connection, ScopedStateRows.Insert);
        return ScopedStateRows.BindAll(insert, entry).Execute() == 1;
    }

    /// <summary>Inserts a breaker with its version unless one with its key exists.</summary>
    /// <param name="circuit">The breaker.</param>
    /// <returns>Whether it was written.</returns>
    public bool ImportCircuit(CircuitRecord circuit)
    {
        using var insert = new SqliteStatement(_connection, CircuitRows.Insert);
        return CircuitRows.BindAll(insert, circuit).Execute() == 1;
    }
}
