using Cairn.Sqlite;
using Cairn.Storage;

namespace Cairn.Integration.Tests.Support;

/// <summary>Fresh SQLite stores in one temporary folder per test class instance.</summary>
public sealed class SqliteFiles : IDisposable
{
    private readonly TempDirectory _dir = new();
    private int _count;

    public IWorkflowStore NewStore() =>
        new SqliteWorkflowStore(new SqliteStoreOptions { Path = _dir.File($"store-{Interlocked.Increment(ref _count)}.db") });

    public void Dispose() => _dir.Dispose();
}
