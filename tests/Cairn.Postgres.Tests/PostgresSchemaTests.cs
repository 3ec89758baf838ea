using Cairn.Storage;
using Cairn.Testing.Postgres;
using Npgsql;

namespace Cairn.Postgres.Tests;

/// <summary>Creating, sharing and refusing schemas: each test has a new database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServerFixture server)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InitializeAsync_ManyStoresAtOnceOnAFreshDatabase_AllSucceedAndTheSchemaIsCreatedOnce()
    {
        var database = await server.Server.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database })).ToList();
        try
        {
            using var start = new Barrier(stores.Count);
            await Task.WhenAll(stores.Select(s => Task.Run(async () =>
            {
                start.SignalAndWait();
                await s.InitializeAsync();
            })));

            Assert.Equal([1L, 2L], await QueryAsync(database, "SELECT version FROM cairn.cairn_schema ORDER BY version"));
            Assert.True(await stores[0].CreateRunAsync(new NewRun { RunId = "r1", Workflow = "order", CreatedAt = T0 }));
            Assert.Equal("order", (await stores[7].GetRunAsync("r1"))?.Workflow);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task InitializeAsync_NewerSchema_IsRefusedWithTheVersionsAndNothingChanges()
    {
        var database = await server.Server.CreateDatabaseAsync();
        await using (var first = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database }))
        {
            await first.InitializeAsync();
            Assert.True(await first.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "order", CreatedAt = T0 }));
        }

        await ExecuteAsync(database, "INSERT INTO cairn.cairn_schema (version, applied_at) VALUES (99, 0)");
        var before = await DescribeAsync(database);

        await using var store = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database });
        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync().AsTask());

        Assert.Contains("written by a newer Cairn (schema 99, this version supports 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade Cairn", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DescribeAsync(database));
    }

    [Fact]
    public async Task InitializeAsync_DatabaseWithOtherTables_CreatesItsOwnSchemaAndLeavesThemAlone()
    {
        var database = await server.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE public.orders (id int PRIMARY KEY, total numeric); INSERT INTO public.orders VALUES (1, 9.5)");

        await using var store = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database });
        await store.InitializeAsync();

        Assert.True(await store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "order", CreatedAt = T0 }));
        Assert.Equal([1L], await QueryAsync(database, "SELECT count(*) FROM public.orders"));
        Assert.Equal([1L], await QueryAsync(database, "SELECT count(*) FROM cairn.runs"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaHoldingOtherTables_IsRefusedAndNothingIsCreated()
    {
        var database = await server.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE SCHEMA cairn; CREATE TABLE cairn.orders (id int PRIMARY KEY)");
        var before = await DescribeAsync(database);

        await using var store = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database });
        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync().AsTask());

        Assert.Contains("The schema 'cairn'", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds tables (orders) but no cairn_schema table, so it is not a Cairn store", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgresStoreOptions.Schema", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DescribeAsync(database));
    }

    [Fact]
    public async Task Options_SchemaName_PlacesTheTablesThereSoTwoStoresShareADatabaseApart()
    {
        var database = await server.Server.CreateDatabaseAsync();
        await using var blue = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database, Schema = "blue" });
        await using var green = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = database, Schema = "green" });
        await blue.InitializeAsync();
        await green.InitializeAsync();

        Assert.True(await blue.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "order", CreatedAt = T0 }));

        Assert.Null(await green.GetRunAsync("r1"));
        Assert.Equal([1L], await QueryAsync(database, "SELECT count(*) FROM blue.runs"));
    }

    [Fact]
    public void Options_Invalid_ListEveryProblemInOneMessage()
    {
        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = "", Schema = "Bad-Name", MaxBatch = 0 }));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "The PostgreSQL store options are invalid:",
                "  - ConnectionString is required: set it to an Npgsql connection string, for example 'Host=localhost;Username=cairn;Database=cairn'.",
                "  - Schema must be lower-case letters, digits and underscores, start with a letter or underscore, and have at most 63 characters.",
                "  - MaxBatch must be between 1 and 65536."),
            error.Message);
    }

    /// <summary>Every table and column of the database outside the system schemas, with the version rows and row counts of a store's tables.</summary>
    private static async Task<string> DescribeAsync(string database)
    {
        var columns = await QueryAsync(
            database,
            "SELECT string_agg(table_schema || '.' || table_name || '.' || column_name, ',' ORDER BY table_schema, table_name, ordinal_position) FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        var schemas = await QueryAsync(database, "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg_%'");
        var isStore = (await QueryAsync(database, "SELECT to_regclass('cairn.cairn_schema') IS NOT NULL"))[0] is true;
        var store = isStore
            ? await QueryAsync(database, "SELECT (SELECT string_agg(version::text, ',' ORDER BY version) FROM cairn.cairn_schema) || ';' || (SELECT string_agg(id, ',') FROM cairn.runs)")
            : [];
        return string.Join(" | ", columns.Concat(schemas).Concat(store));
    }

    private static async Task<List<object?>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await rows.ReadAsync())
        {
            values.Add(rows.IsDBNull(0) ? null : rows.GetValue(0) is int i ? (long)i : rows.GetValue(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
