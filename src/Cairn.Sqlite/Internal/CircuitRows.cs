using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <summary>The SQL and row mapping of the <c>circuits</c> table, shared by the reader and the writer.</summary>
internal static class CircuitRows
{
    public const string Columns = "key, state, failures, until, trials, openings, version, updated_at";

    public const string SelectOne = $"SELECT {Columns} FROM circuits WHERE key = ?1";

    public const string SelectAll = $"SELECT {Columns} FROM circuits ORDER BY key";

    public const string Insert = $"INSERT OR IGNORE INTO circuits ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    public const string Update = """
        UPDATE circuits SET state = ?2, failures = ?3, until = ?4, trials = ?5, openings = ?6, version = ?7, updated_at = ?8
        WHERE key = ?1 AND version = ?7 - 1
        """;

    public static SqliteStatement BindAll(SqliteStatement statement, CircuitRecord c) =>
        statement.Bind(1, c.Key).Bind(2, (long)c.State).Bind(3, (long)c.Failures).Bind(4, c.Until).Bind(5, (long)c.Trials)
            .Bind(6, c.Openings).Bind(7, c.Version).Bind(8, c.UpdatedAt);

    public static CircuitRecord Read(SqliteRowReader rows) => new()
    {
        Key = rows.GetRequiredString(0),
        State = (CircuitState)rows.GetInt64(1),
        Failures = (int)rows.GetInt64(2),
        Until = rows.GetTimeOrNull(3),
        Trials = (int)rows.GetInt64(4),
        Openings = rows.GetInt64(5),
        Version = rows.GetInt64(6),
        UpdatedAt = rows.GetTime(7),
    };
}
