using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Reads of stored definitions; rare, so their statements are prepared per call.</content>
internal sealed partial class RunQueries
{
    /// <summary>Reads one version of a definition, or the latest.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <returns>The definition, or <see langword="null"/>.</returns>
    public DefinitionRecord? GetDefinition(string name, int? version)
    {
        using var one = new SqliteStatement(_connection, DefinitionRows.SelectOne);
        using var latest = new SqliteStatement(_connection, DefinitionRows.SelectLatest);
        return DefinitionRows.Find(one, latest, name, version);
    }

    /// <summary>Lists every stored definition version by name, then version.</summary>
    /// <returns>The definitions.</returns>
    public IReadOnlyList<DefinitionRecord> ListDefinitions()
    {
        using var all = new SqliteStatement(_connection, DefinitionRows.SelectAll);
        using var rows = all.Query();
        var list = new List<DefinitionRecord>();
        while (rows.Read())
        {
            list.Add(DefinitionRows.Read(rows));
        }

        return list;
    }
}
