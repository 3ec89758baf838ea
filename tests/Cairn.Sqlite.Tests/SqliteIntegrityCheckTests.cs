using Cairn.Storage;

namespace Cairn.Sqlite.Tests;

/// <summary>The SQLite store's own integrity check, which <c>cairn check</c> runs after the contract's checks.</summary>
public sealed class SqliteIntegrityCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CheckIntegrityAsync_OnASoundFileWithRuns_FindsNoProblem()
    {
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = _folder.File("cairn.db") });
        await store.InitializeAsync();
        await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = DateTimeOffset.UnixEpoch });

        IStoreIntegrityCheck check = store;

        Assert.Equal(["sqlite-integrity"], check.IntegrityChecks);
        Assert.Empty(await check.CheckIntegrityAsync());
    }

    [Fact]
    public async Task CheckIntegrityAsync_OnAFileWhoseIndexNoLongerMatchesItsTable_ReportsWhatSqliteFound()
    {
        var path = _folder.File("cairn.db");
        await using (var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }))
        {
            await store.InitializeAsync();
            await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "w", CreatedAt = DateTimeOffset.UnixEpoch });
        }

        // The schema is told that the index runs_workflow holds other columns than it does: its entries no longer match the rows.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX runs_workflow ON runs (input, updated_at, create_order)'
                WHERE name = 'runs_workflow';
                """;
            command.ExecuteNonQuery();
        }

        await using var reopened = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path });
        await reopened.InitializeAsync();

        var problems = await ((IStoreIntegrityCheck)reopened).CheckIntegrityAsync();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(("sqlite-integrity", (string?)null), (p.Check, p.RunId)));
        Assert.All(problems, p => Assert.StartsWith("SQLite reports: ", p.Problem, StringComparison.Ordinal));
        Assert.Contains("cairn migrate --from sqlite:BACKUP", problems[0].Fix, StringComparison.Ordinal);
    }
}
