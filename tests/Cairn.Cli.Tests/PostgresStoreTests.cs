using Cairn.Cli.Tests.Support;
using Cairn.Testing.Postgres;
using Npgsql;

namespace Cairn.Cli.Tests;

/// <summary>cairn on a PostgreSQL store, named as a URL or as an Npgsql connection string.</summary>
public sealed class PostgresStoreTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Run_OnAPostgresUrl_CompletesTheEtlAndShowReadsItBackThroughAConnectionString()
    {
        var connectionString = await server.Server.CreateDatabaseAsync();
        var db = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(db.Password) ? string.Empty : ":" + Uri.EscapeDataString(db.Password);
        using var workspace = new CliWorkspace($"postgres://{Uri.EscapeDataString(db.Username!)}{password}@{db.Host}:{db.Port}/{db.Database}");
        var report = workspace.File("report.csv");
        var input = $$"""{"csv": "{{Example("data/orders.csv")}}", "out": "{{report}}"}""";

        await workspace.RunOkAsync("run", Example("etl.yaml"), "--id", "etl-pg", "--input", input);
        using var other = new CliWorkspace($"Host={db.Host};Port={db.Port};Username={db.Username};Password={db.Password};Database={db.Database}");
        var show = (await other.RunOkAsync("show", "etl-pg", "--json")).Json;

        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal("etl-orders", (string?)show["workflow"]);
        Assert.Equal(
            ["region,orders,revenue", "east,3,291.50", "north,3,428.30", "south,3,356.00", "west,3,126.70"],
            File.ReadAllLines(report));
    }

    [Theory]
    [InlineData("mysql://root@db/cairn")]
    [InlineData("postgres://")]
    [InlineData("postgres://cairn@localhost:5432")]
    [InlineData("Username=cairn;Database=cairn")]
    public async Task AnyCommand_WithAStoreItCannotUse_ExitsTwoSayingWhichFormsItAccepts(string store)
    {
        using var workspace = new CliWorkspace(store);

        var result = await workspace.RunAsync("runs");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_OnAServerThatDoesNotAnswer_ExitsTwoNamingTheStore()
    {
        using var workspace = new CliWorkspace("postgres://cairn:secret@127.0.0.1:1/cairn");

        var result = await workspace.RunAsync("runs");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Cannot open the PostgreSQL store postgres://cairn@127.0.0.1:1/cairn", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Stderr, StringComparison.Ordinal);
    }

    private static string Example(string name) => Path.Combine(CliProcess.RepositoryRoot, "examples", name);
}
