using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <summary>The SQL and row mapping of the <c>definitions</c> table, shared by the reader and the writer.</summary>
internal static class DefinitionRows
{
    public const string Columns = "name, version, hash, source, file, created_at";

    public const string SelectOne = $"SELECT {Columns} FROM definitions WHERE name = ?1 AND version = ?2";

    public const string SelectLatest = $"SELECT {Columns} FROM definitions WHERE name = ?1 ORDER BY version DESC LIMIT 1";

    public const string SelectAll = $"SELECT {Columns} FROM definitions ORDER BY name, version";

    public const string Insert = $"INSERT INTO definitions ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

    /// <summary>Reads one version (the latest when <paramref name="version"/> is null) with statements prepared on the caller's connection.</summary>
    public static DefinitionRecord? Find(SqliteStatement one, SqliteStatement latest, string name, int? version)
    {
        using var rows = (version is { } v ? one.Bind(1, name).Bind(2, (long)v) : latest.Bind(1, name)).Query();
        return rows.Read() ? Read(rows) : null;
    }

    public static DefinitionRecord Read(SqliteRowReader rows) => new()
    {
        Name = rows.GetRequiredString(0),
        Version = (int)rows.GetInt64(1),
        Hash = rows.GetRequiredString(2),
        Source = rows.GetRequiredString(3),
        File = rows.GetRequiredString(4),
        CreatedAt = rows.GetTime(5),
    };
}
