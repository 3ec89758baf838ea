using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cairn.Sqlite.Internal;

/// <summary>A read connection with its prepared queries. WAL lets it read while the writer writes.</summary>
internal sealed class StoreReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteStatement _begin;
    private readonly SqliteStatement _end;

    /// <summary>Initializes a new instance of the <see cref="StoreReader"/> class.</summary>
    /// <param name="connection">An open connection; the reader owns it.</param>
    public StoreReader(SqliteConnection connection)
    {
        _connection = connection;
        StoreConnections.Execute(connection, "PRAGMA query_only = ON;");
        _begin = new SqliteStatement(connection, "BEGIN");
        _end = new SqliteStatement(connection, "COMMIT");
        Queries = new RunQueries(connection);
    }

    /// <summary>Gets the prepared queries.</summary>
    public RunQueries Queries { get; }

    /// <summary>Runs reads that must see one snapshot of the store.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="read">The reads.</param>
    /// <returns>The result.</returns>
    public T InSnapshot<T>(Func<RunQueries, T> read)
    {
        _begin.Execute();
        T result;
        try
        {
            result = read(Queries);
        }
        catch
        {
            if (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _end.Execute();
            }

            throw;
        }

        _end.Execute();
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Queries.Dispose();
        _begin.Dispose();
        _end.Dispose();
        _connection.Dispose();
    }
}
