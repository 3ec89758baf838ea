using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn migrate</c>: a whole store copied into an empty one, verified, and refused into one that holds runs.</summary>
public sealed class MigrateTests : IDisposable
{
    private const string ScopedState = "SELECT scope, scope_id, key, value, version FROM scoped_state ORDER BY scope, scope_id, key";
    private const string Breakers = "SELECT key, state, failures, until, trials, openings, version, updated_at FROM circuits ORDER BY key";
    private const string Definitions = "SELECT name, version, hash, source, created_at FROM definitions ORDER BY name, version";

    private const string Snapshots = "SELECT run_id, seq, checkpoint, payload, at FROM snapshots ORDER BY run_id, seq";

    private static readonly string[] Ids = ["greet-1", "greet-2", "fork-1", "failed-1", "counted-1", "ask-1", "nap-1"];

    private readonly CliWorkspace _source = new();
    private readonly CliWorkspace _target = new();

    [Fact]
    public async Task Migrate_CopiesEveryRunDefinitionStateAndBreaker_SaysAllMatch_AndTheCopiedWaitsContinueInTheTarget()
    {
        await MakeVarietyAsync();
        var to = _target.Store;

        var migrate = await _source.RunOkAsync("migrate", "--from", _source.Store, "--to", to, "--json");

        var report = migrate.Json;
        Assert.True((bool)report["match"]!, migrate.ToString());
        Assert.Empty(report["differences"]!.AsArray());
        var counts = report["counts"]!.AsArray().ToDictionary(c => (string)c!["kind"]!, c => ((long)c!["source"]!, (long)c["target"]!));
        Assert.Equal(
            ["definitions", "runs", "journalEntries", "branches", "branchEntries", "signals", "waits", "wakeTimes", "snapshots", "scopedState", "breakers"],
            counts.Keys);
        Assert.All(counts.Values, c => Assert.Equal(c.Item1, c.Item2));
        Assert.Equal((6L, 7L, 1L, 2L, 2L, 1L), (counts["definitions"].Item1, counts["runs"].Item1, counts["branches"].Item1, counts["snapshots"].Item1, counts["scopedState"].Item1, counts["breakers"].Item1));
        Assert.Equal(Ids.Order(), report["runs"]!.AsArray().Select(r => (string?)r!["runId"]));
        Assert.All(report["runs"]!.AsArray(), r => Assert.Matches("^[0-9a-f]{64}$", (string?)r!["sourceHash"]));
        Assert.All(report["runs"]!.AsArray(), r => Assert.Equal((string?)r!["sourceHash"], (string?)r["targetHash"]));
        foreach (var id in Ids)
        {
            Assert.Equal((await _source.RunOkAsync("show", id, "--json")).Stdout, (await _target.RunOkAsync("show", id, "--json")).Stdout);
            Assert.Equal((await _source.RunOkAsync("journal", id, "--all", "--json")).Stdout, (await _target.RunOkAsync("journal", id, "--all", "--json")).Stdout);
        }

        Assert.Equal(RawSqlite.Rows(_source.Store, ScopedState), RawSqlite.Rows(to, ScopedState));
        Assert.Equal(RawSqlite.Rows(_source.Store, Breakers), RawSqlite.Rows(to, Breakers));
        Assert.Equal(RawSqlite.Rows(_source.Store, Definitions), RawSqlite.Rows(to, Definitions));
        Assert.Equal(RawSqlite.Rows(_source.Store, Snapshots), RawSqlite.Rows(to, Snapshots));

        await _target.RunOkAsync("answer", "ask-1", "yes");
        var answered = await _target.RunOkAsync("resume", "ask-1");
        var woken = await _target.RunOkAsync("resume", "nap-1");
        Assert.Contains("completed", answered.Stdout, StringComparison.Ordinal);
        Assert.Contains("completed", woken.Stdout, StringComparison.Ordinal);
        Assert.Equal("suspended", await _source.StatusAsync("ask-1"));
        Assert.Equal("suspended", await _source.StatusAsync("nap-1"));
    }

    [Fact]
    public async Task Migrate_WithoutJson_PrintsTheCountsAndEachRunsJournalHash()
    {
        await _source.RunOkAsync("run", _source.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "greet-1");
        await _source.RunAsync("run", _source.Write("failing.yaml", Flows.Failing), "--id", "failed-1");
        var to = "sqlite:" + _target.File("copy.db");

        var migrate = await _source.RunOkAsync("migrate", "--from", _source.Store, "--to", to);

        var lines = migrate.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal($"Copied {_source.Store} to {to}: 2 runs.", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("runs", StringComparison.Ordinal) && l.EndsWith("2       2       ok", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^greet-1 +[0-9a-f]{64} +same +ok$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^failed-1 +[0-9a-f]{64} +same +ok$"));
        Assert.Contains(lines, l => l.StartsWith("All match: 2 runs,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_IntoAStoreThatHoldsRuns_IsRefusedNamingTheClashingIds_AndLeavesTheTargetUnchanged()
    {
        await _source.RunOkAsync("run", _source.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "greet-1");
        await _source.RunOkAsync("run", _source.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Bob"}""", "--id", "greet-2");
        await _target.RunOkAsync("run", _target.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Cy"}""", "--id", "greet-1");
        await _target.RunAsync("run", _target.Write("failing.yaml", Flows.Failing), "--id", "mine-1");
        var before = (await _target.RunOkAsync("export", "--all")).Stdout;

        var refused = await _source.RunAsync("migrate", "--from", _source.Store, "--to", _target.Store);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"The target {_target.Store} is not empty: it holds 2 runs (1 of them has the id of a run in the source: greet-1). Nothing was copied.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("cairn export --all and cairn import --rename", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, (await _target.RunOkAsync("export", "--all")).Stdout);
        Assert.Equal(["failing", "greet"], RawSqlite.Rows(_target.Store, "SELECT DISTINCT name FROM definitions ORDER BY name"));
    }

    [Fact]
    public async Task Migrate_FromAStoreThatDoesNotExist_ExitsNotFound()
    {
        var missing = "sqlite:" + _source.File("missing.db");

        var result = await _source.RunAsync("migrate", "--from", missing, "--to", "sqlite:" + _target.File("copy.db"));

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"The store {missing} does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_target.File("copy.db")));
    }

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    /// <summary>Completed, failed, rewound, forked and suspended runs (on a question and on a timer), a run with checkpoint snapshots, two versions of one definition, session and user state, a breaker.</summary>
    private async Task MakeVarietyAsync()
    {
        var greet = _source.Write("greet.yaml", Flows.Greet);
        await _source.RunOkAsync("run", greet, "--input", """{"name": "Ada"}""", "--id", "greet-1");
        _source.Write("greet.yaml", Flows.Greet.Replace("Says hello.", "Says hello, again.", StringComparison.Ordinal));
        await _source.RunOkAsync("run", greet, "--input", """{"name": "Bob"}""", "--id", "greet-2");
        await _source.RunOkAsync("resume", "greet-1", "--strategy", "from-checkpoint", "--checkpoint", "1");
        await _source.RunOkAsync("resume", "greet-2", "--strategy", "fork", "--checkpoint", "1", "--new-id", "fork-1");
        Assert.Equal(1, (await _source.RunAsync("run", _source.Write("failing.yaml", Flows.Failing), "--id", "failed-1")).ExitCode);
        await _source.RunOkAsync("run", _source.Write("counted.yaml", Flows.Counted), "--id", "counted-1");
        Assert.Equal(3, (await _source.RunAsync("run", _source.Write("approval.yaml", Flows.Approval), "--id", "ask-1")).ExitCode);
        RawSqlite.Execute(_source.Store, """
            INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES (1, 'session-7', 'cart', '["book"]', 3);
            INSERT INTO scoped_state (scope, scope_id, key, value, version) VALUES (2, 'ada', 'plan', '"pro"', 1);
            INSERT INTO circuits (key, state, failures, until, trials, openings, version, updated_at) VALUES ('payments', 1, 5, 639000000000000000, 0, 2, 9, 638999999990000000);
            """);

        // Last, so that little of its timer has passed when the copy is resumed: killed once the timer is stored.
        var nap = _source.Write("nap.yaml", """
            name: nap
            steps:
              - { id: before, type: script, code: "1" }
              - { id: nap, type: delay, duration: 12s }
              - { id: after, type: script, code: "2" }
            """);
        await using var run = _source.Start("run", nap, "--id", "nap-1");
        await Eventually.HoldsAsync(async () => await _source.StatusAsync("nap-1") == "suspended", "the timer is stored");
        await run.KillAsync();
    }
}
