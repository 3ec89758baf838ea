using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Stored definitions; rare writes, so their statements are prepared per call.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Stores a definition version by the rule of <see cref="DefinitionNumbering"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The stored version.</returns>
    public DefinitionRecord SaveDefinition(DefinitionRecord definition)
    {
        using var one = new SqliteStatement(_connection, DefinitionRows.SelectOne);
        using var latest = new SqliteStatement(_connection, DefinitionRows.SelectLatest);
        var (record, insert) = DefinitionNumbering.Decide(definition, v => DefinitionRows.Find(one, latest, definition.Name, v));
        if (insert)
        {
            using var write = new SqliteStatement(_connection, DefinitionRows.Insert);
            write.Bind(1, record.Name).Bind(2, (long)record.Version).Bind(3, record.Hash).Bind(4, record.Source).Bind(5, record.File).Bind(6, record.CreatedAt).Execute();
        }

        return record;
    }
}
