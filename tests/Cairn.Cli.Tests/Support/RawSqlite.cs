using Microsoft.Data.Sqlite;

namespace Cairn.Cli.Tests.Support;

/// <summary>Raw SQL on a store's file, for what no cairn command writes (session state, breakers) and for damaging a store on purpose.</summary>
public static class RawSqlite
{
    /// <summary>Runs statements; returns how many rows they changed.</summary>
    public static int Execute(string store, string sql)
    {
        using var connection = Open(store);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Reads rows, each as its columns joined with <c>|</c> (null as <c>NULL</c>).</summary>
    public static IReadOnlyList<string> Rows(string store, string sql)
    {
        using var connection = Open(store);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static SqliteConnection Open(string store)
    {
        var path = store.StartsWith("sqlite:", StringComparison.Ordinal) ? store["sqlite:".Length..] : store;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
