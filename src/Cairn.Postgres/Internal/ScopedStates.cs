using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Session- and user-scoped state, written compare-and-set on its version inside a commit's transaction.</summary>
internal static class ScopedStates
{
    private const string Key = "scope = $1 AND scope_id = $2 AND key = $3";

    /// <summary>Writes a value when the stored version is the expected one (an absent key counts as version 0).</summary>
    /// <returns>Whether it was written, and the new version, or the stored one when it was not.</returns>
    public static (bool Written, long Version) Write(NpgsqlConnection connection, NpgsqlTransaction transaction, ScopedStateWrite write)
    {
        var sql = write.ExpectedVersion switch
        {
            null => """
                INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES ($1, $2, $3, $4, 1)
                ON CONFLICT (scope, scope_id, key) DO UPDATE SET value = excluded.value, version = scoped_state.version + 1
                RETURNING version
                """,
            0 => """
                INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES ($1, $2, $3, $4, 1)
                ON CONFLICT (scope, scope_id, key) DO NOTHING
                RETURNING version
                """,
            _ => $"UPDATE scoped_state SET value = $4, version = $5 + 1 WHERE {Key} AND version = $5 RETURNING version",
        };
        var parameters = new List<NpgsqlParameter> { Db.Int32((int)write.Scope), Db.Text(write.ScopeId), Db.Text(write.Key), Db.Json(write.Value) };
        if (write.ExpectedVersion is { } expected and > 0)
        {
            parameters.Add(Db.Int64(expected));
        }

        using (var command = Db.Command(connection, transaction, sql, [.. parameters]))
        {
            if (command.ExecuteScalar() is long version)
            {
                return (true, version);
            }
        }

        using var read = Db.Command(connection, transaction, $"SELECT version FROM scoped_state WHERE {Key}", Db.Int32((int)write.Scope), Db.Text(write.ScopeId), Db.Text(write.Key));
        return (false, read.ExecuteScalar() is long current ? current : 0);
    }

    /// <summary>The read of one value.</summary>
    public const string Select = $"SELECT value, version FROM scoped_state WHERE {Key}";
}
