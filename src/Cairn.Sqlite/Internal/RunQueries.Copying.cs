using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <content>Reads for copying and checking a whole store.</content>
internal sealed partial class RunQueries
{
    /// <summary>Lists every scoped state key by scope, scope id and key.</summary>
    /// <returns>The keys.</returns>
    public IReadOnlyList<ScopedStateEntry> ListScopedState()
    {
        using var all = new SqliteStatement(_connection, ScopedStateRows.SelectAll);
        using var rows = all.Query();
        var list = new List<ScopedStateEntry>();
        while (rows.Read())
        {
            list.Add(ScopedStateRows.Read(rows));
        }

        return list;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> over the whole file.</summary>
    /// <returns>The problems SQLite reports; empty when it answers <c>ok</c>.</returns>
    public IReadOnlyList<string> CheckFile()
    {
        using var check = new SqliteStatement(_connection, "PRAGMA integrity_check");
        using var rows = check.Query();
        var problems = new List<string>();
        while (rows.Read())
        {
            if (rows.GetString(0) is { } line && line != "ok")
            {
                problems.Add(line);
            }
        }

        return problems;
    }
}
