using Cairn.Cli.Tests.Support;
using Cairn.Testing.Postgres;
using Npgsql;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn migrate</c> from a SQLite store into a PostgreSQL one: verified, checked, and the copied waits continue there.</summary>
public sealed class MigrateToPostgresTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private static readonly string[] Ids = ["greet-1", "greet-2", "fork-1", "failed-1", "ask-1"];

    private readonly CliWorkspace _source = new();

    [Fact]
    public async Task Migrate_SqliteToPostgres_AllMatches_ViewsAreIdentical_CheckIsClean_AndTheAnsweredRunCompletesThere()
    {
        await MakeVarietyAsync();
        using var target = new CliWorkspace(await PostgresUrlAsync());

        var migrate = await _source.RunOkAsync("migrate", "--from", _source.Store, "--to", target.Store);

        var lines = migrate.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal($"Copied {_source.Store} to {target.Store}: 5 runs.", lines[0]);
        foreach (var kind in new[] { "definitions", "runs", "journalEntries", "branches", "branchEntries", "signals", "waits", "wakeTimes", "snapshots", "scopedState", "breakers" })
        {
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $"^{kind} +([0-9]+) +\\1 +ok$"));
        }

        foreach (var id in Ids)
        {
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $"^{id} +[0-9a-f]{{64}} +same +ok$"));
        }

        Assert.Contains(lines, l => l.StartsWith("All match: 5 runs,", StringComparison.Ordinal) && l.EndsWith("every journal hash the same.", StringComparison.Ordinal));
        Assert.DoesNotContain("DIFFERS", migrate.Stdout, StringComparison.Ordinal);
        foreach (var id in Ids)
        {
            Assert.Equal((await _source.RunOkAsync("show", id, "--json")).Stdout, (await target.RunOkAsync("show", id, "--json")).Stdout);
            Assert.Equal((await _source.RunOkAsync("journal", id, "--all", "--json")).Stdout, (await target.RunOkAsync("journal", id, "--all", "--json")).Stdout);
            Assert.Equal((await _source.RunOkAsync("checkpoints", id, "--json")).Stdout, (await target.RunOkAsync("checkpoints", id, "--json")).Stdout);
        }

        var check = await target.RunOkAsync("check", "--json");
        Assert.True((bool)check.Json["ok"]!, check.ToString());
        Assert.Equal(5, (int)check.Json["runs"]!);
        Assert.Empty(check.Json["problems"]!.AsArray());
        Assert.EndsWith("No problems found.", (await target.RunOkAsync("check")).Stdout.TrimEnd(), StringComparison.Ordinal);

        await target.RunOkAsync("answer", "ask-1", "yes");
        await target.RunOkAsync("worker", "--until-idle");
        var answered = (await target.RunOkAsync("show", "ask-1", "--json")).Json;
        Assert.Equal("completed", (string?)answered["status"]);
        Assert.Equal("suspended", await _source.StatusAsync("ask-1"));
    }

    [Fact]
    public async Task Migrate_SqliteToPostgres_ASecondTimeIntoTheNowFullTarget_IsRefusedAndChangesNothing()
    {
        await MakeVarietyAsync();
        using var target = new CliWorkspace(await PostgresUrlAsync());
        await _source.RunOkAsync("migrate", "--from", _source.Store, "--to", target.Store);
        var before = (await target.RunOkAsync("export", "--all")).Stdout;
        var views = await ViewsAsync(target);

        var refused = await _source.RunAsync("migrate", "--from", _source.Store, "--to", target.Store);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"The target {target.Store} is not empty: it holds 5 runs (5 of them have ids of runs in the source: {string.Join(", ", Ids.Order(StringComparer.Ordinal))}). Nothing was copied.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("cairn export --all and cairn import --rename", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, (await target.RunOkAsync("export", "--all")).Stdout);
        Assert.Equal(views, await ViewsAsync(target));
    }

    public void Dispose() => _source.Dispose();

    private static async Task<List<string>> ViewsAsync(CliWorkspace store)
    {
        var views = new List<string> { (await store.RunOkAsync("runs", "--json")).Stdout };
        foreach (var id in Ids)
        {
            views.Add((await store.RunOkAsync("show", id, "--json")).Stdout);
            views.Add((await store.RunOkAsync("journal", id, "--all", "--json")).Stdout);
        }

        return views;
    }

    private async Task<string> PostgresUrlAsync()
    {
        var db = new NpgsqlConnectionStringBuilder(await server.Server.CreateDatabaseAsync());
        var password = string.IsNullOrEmpty(db.Password) ? string.Empty : ":" + Uri.EscapeDataString(db.Password);
        return $"postgres://{Uri.EscapeDataString(db.Username!)}{password}@{db.Host}:{db.Port}/{db.Database}";
    }

    /// <summary>A completed run, a rewound one, a fork of another, a failed run and a run suspended on a question.</summary>
    private async Task MakeVarietyAsync()
    {
        var greet = _source.Write("greet.yaml", Flows.Greet);
        await _source.RunOkAsync("run", greet, "--input", """{"name": "Ada"}""", "--id", "greet-1");
        await _source.RunOkAsync("run", greet, "--input", """{"name": "Bob"}""", "--id", "greet-2");
        await _source.RunOkAsync("resume", "greet-1", "--strategy", "from-checkpoint", "--checkpoint", "1");
        await _source.RunOkAsync("resume", "greet-2", "--strategy", "fork", "--checkpoint", "1", "--new-id", "fork-1");
        Assert.Equal(1, (await _source.RunAsync("run", _source.Write("failing.yaml", Flows.Failing), "--id", "failed-1")).ExitCode);
        Assert.Equal(3, (await _source.RunAsync("run", _source.Write("approval.yaml", Flows.Approval), "--id", "ask-1")).ExitCode);
        Assert.Equal("suspended", await _source.StatusAsync("ask-1"));
        Assert.Equal("failed", await _source.StatusAsync("failed-1"));
    }
}
