using Cairn.Sqlite;
using Cairn.Storage;

namespace Cairn.Integration.Tests.Support;

/// <summary>Fresh SQLite stores in one temporary folder per test class instance.</summary>
public sealed class SqliteFiles : IDisposable
{
    private readonly TempDirectory _dir = new();
    private int _count;

    public IWorkflowStore NewStore() => Open(NewPath());

    /// <summary>Returns the path of a new store file, for tests that open it more than once (as separate processes would).</summary>
    public string NewPath() => _dir.File($"store-{Interlocked.Increment(ref _count)}.db");

    /// <summary>Opens a store of its own on the file.</summary>
    public static IWorkflowStore Open(string path) => new SqliteWorkflowStore(new SqliteStoreOptions { Path = path });

    public void Dispose() => _dir.Dispose();
}
