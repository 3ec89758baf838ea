using Cairn.Storage;

namespace Cairn.Sqlite.Internal;

/// <summary>The SQL and row mapping of whole <c>scoped_state</c> rows, for listing and copying a store.</summary>
internal static class ScopedStateRows
{
    public const string SelectAll = "SELECT scope, scope_id, key, value, version FROM scoped_state ORDER BY scope, scope_id, key";

    public const string Insert = "INSERT OR IGNORE INTO scoped_state (scope, scope_id, key, value, version) VALUES (?1, ?2, ?3, ?4, ?5)";

    public static SqliteStatement BindAll(SqliteStatement statement, ScopedStateEntry e) =>
        statement.Bind(1, (long)e.Scope).Bind(2, e.ScopeId).Bind(3, e.Key).Bind(4, e.Value).Bind(5, e.Version);

    public static ScopedStateEntry Read(SqliteRowReader rows) =>
        new((StateScope)rows.GetInt64(0), rows.GetRequiredString(1), rows.GetRequiredString(2), rows.GetString(3), rows.GetInt64(4));
}
