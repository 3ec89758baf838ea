using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cairn.Sqlite.Internal;

/// <summary>Opens and configures the store's connections.</summary>
internal static class StoreConnections
{
    /// <summary>Opens a read-write connection with the store's busy timeout and durability.</summary>
    /// <param name="path">The full path of the database file.</param>
    /// <param name="options">The store options.</param>
    /// <param name="create">Whether to create the file when it is missing.</param>
    /// <returns>The open connection.</returns>
    public static SqliteConnection Open(string path, SqliteStoreOptions options, bool create)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
            Execute(connection, string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous};"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection that only reads and changes nothing on disk, not even the WAL index.</summary>
    /// <param name="path">The full path of the database file.</param>
    /// <param name="options">The store options.</param>
    /// <returns>The open connection.</returns>
    /// <remarks>
    /// When the file has no <c>-wal</c> or <c>-journal</c> companion, the whole database is in the file and it is opened
    /// as immutable, which creates no <c>-shm</c> file and takes no lock. Otherwise the companions exist already and a
    /// plain read-only connection reads them.
    /// </remarks>
    public static SqliteConnection OpenForInspection(string path, SqliteStoreOptions options)
    {
        var immutable = !File.Exists(path + "-wal") && !File.Exists(path + "-journal");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(path).AbsoluteUri + "?immutable=1" : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs SQL that returns no rows (one or more statements).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sql">The SQL.</param>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the store's own constant SQL comes here.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>Runs SQL that returns one value.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sql">The SQL.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the store's own constant SQL comes here.
        command.CommandText = sql;
#pragma warning restore CA2100
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
