using Cairn.Storage;
using Microsoft.Data.Sqlite;

namespace Cairn.Sqlite.Tests;

/// <summary>Opening files: new stores are created, anything that is not a current Cairn store is refused untouched.</summary>
public sealed partial class SqliteStoreFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task InitializeAsync_MissingFile_CreatesAStoreOfTheCurrentSchema()
    {
        var path = _folder.File("new.db");

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
        }

        Assert.Equal(["new.db"], _folder.Listing());
        Assert.Equal(6L, Scalar(path, "SELECT max(version) FROM cairn_schema"));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task InitializeAsync_EmptyFile_CreatesTheStoreInIt()
    {
        var path = _folder.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        await using (var store = Store(path))
        {
            await store.InitializeAsync();
            Assert.True(await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = DateTimeOffset.UnixEpoch }));
        }

        Assert.Equal(1L, Scalar(path, "SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task InitializeAsync_FileThatIsNotSqlite_ThrowsAndLeavesItUnchanged()
    {
        var path = _folder.File("notes.db");
        await File.WriteAllTextAsync(path, "These are my notes, not a database. " + new string('x', 5000));

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.Equal(
            $"The file '{path}' is not a SQLite database, so it cannot be a Cairn store. Check SqliteStoreOptions.Path. The file was left unchanged.",
            error.Message);
    }

    [Fact]
    public async Task InitializeAsync_TinyFile_ThrowsAndLeavesItUnchanged()
    {
        var path = _folder.File("tiny.db");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.Contains("is not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_DamagedStore_ThrowsAndLeavesItUnchanged()
    {
        var path = _folder.File("damaged.db");
        await CreateStoreWithARunAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = 100; i < 4096; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        await File.WriteAllBytesAsync(path, bytes);

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.StartsWith($"The Cairn store '{path}' is damaged or not a database (SQLite: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Restore it from a backup, or point SqliteStoreOptions.Path at another file. The file was left unchanged.", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public async Task InitializeAsync_StoreOfANewerSchema_ThrowsAndLeavesItUnchanged()
    {
        var path = _folder.File("newer.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, "INSERT INTO cairn_schema (version, applied_at) VALUES (90, 0)");

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.Equal(
            $"The Cairn store '{path}' was written by a newer Cairn (schema 90, this version supports 6); upgrade Cairn to open it. The file was left unchanged.",
            error.Message);
    }

    [Fact]
    public async Task InitializeAsync_NewerStoreThatAnotherProcessHasOpen_ThrowsAndAddsOrRemovesNoFile()
    {
        var path = _folder.File("busy.db");
        await CreateStoreWithARunAsync(path);
        Execute(path, "INSERT INTO cairn_schema (version, applied_at) VALUES (91, 0)");
        using var other = Open(path);
        using (var read = other.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM runs";
            read.ExecuteScalar();
        }

        Assert.Equal(["busy.db", "busy.db-shm", "busy.db-wal"], _folder.Listing());

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.Contains("(schema 91, this version supports 6)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_SqliteDatabaseOfAnotherApplication_ThrowsAndLeavesItUnchanged()
    {
        var path = _folder.File("shop.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");

        var error = await AssertRefusedUnchangedAsync(path);

        Assert.Equal(
            $"The file '{path}' is a SQLite database but not a Cairn store: it has tables and no cairn_schema table. Point SqliteStoreOptions.Path at a new file or an existing Cairn store. The file was left unchanged.",
            error.Message);
    }

    [Fact]
    public async Task InitializeAsync_MissingFolder_ThrowsAndCreatesNothing()
    {
        var path = Path.Combine(_folder.Path, "no-such-folder", "cairn.db");
        await using var store = Store(path);

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => store.InitializeAsync().AsTask());

        Assert.Contains(Path.Combine(_folder.Path, "no-such-folder"), error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task InitializeAsync_CalledTwice_Throws()
    {
        await using var store = Store(_folder.File("cairn.db"));
        await store.InitializeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync().AsTask());
    }

    [Fact]
    public async Task Members_BeforeInitializeOrAfterDispose_Throw()
    {
        var store = Store(_folder.File("cairn.db"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetRunAsync("r1").AsTask());
        await store.InitializeAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetRunAsync("r1").AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync(new RunCommit { RunId = "r1", At = DateTimeOffset.UnixEpoch }).AsTask());
    }

    [Fact]
    public async Task DisposeAsync_ClosedStore_LeavesOnlyTheDatabaseFile()
    {
        var path = _folder.File("cairn.db");

        await CreateStoreWithARunAsync(path);

        Assert.Equal(["cairn.db"], _folder.Listing());
    }

    private static SqliteWorkflowStore Store(string path) => new(new SqliteStoreOptions { Path = path });

    private static async Task CreateStoreWithARunAsync(string path)
    {
        await using var store = Store(path);
        await store.InitializeAsync();
        await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = DateTimeOffset.UnixEpoch });
    }

    private async Task<StoreSchemaException> AssertRefusedUnchangedAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        var listing = _folder.Listing();
        var store = Store(path);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync().AsTask());
        await store.DisposeAsync();

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(listing, _folder.Listing());
        return error;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
