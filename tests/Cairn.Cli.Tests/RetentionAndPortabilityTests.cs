using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn checkpoint</c>, <c>cairn gc</c>, <c>cairn export</c> and <c>cairn import</c>.</summary>
public sealed class RetentionAndPortabilityTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task CheckpointShowAndDiff_PrintStateAndOutputsAtCheckpoints()
    {
        var file = _workspace.Write("set.yaml", """
            name: setter
            steps:
              - id: one
                type: script
                code: "1"
              - id: remember
                type: set
                state:
                  total: "steps.one.output + 10"
              - id: two
                type: script
                code: "state.total * 2"
              - id: three
                type: script
                code: "steps.two.output + 1"
            """);
        await RunAsync("run", file, "--id", "r1");

        var list = (await RunAsync("checkpoints", "r1", "--json")).Json.AsArray();
        var show = (await RunAsync("checkpoint", "show", "r1", "2", "--json")).Json;
        var diff = (await RunAsync("checkpoint", "diff", "r1", "1", "3", "--json")).Json;
        var missing = await _workspace.RunAsync("checkpoint", "show", "r1", "9");

        Assert.Equal(["one", "two", "three"], list.Select(c => (string?)c!["stepId"]));
        Assert.Equal(["number", "position", "stepId", "at", "label", "metadata"], list[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(11, (int)show["state"]!["total"]!);
        Assert.Equal(["one", "two"], show["steps"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.Equal(("total", 11), ((string?)diff["state"]![0]!["key"], (int)diff["state"]![0]!["new"]!));
        Assert.Equal([("two", 22), ("three", 23)], diff["steps"]!.AsArray().Select(s => ((string?)s!["id"], (int)s["output"]!)));
        Assert.True(missing.ExitCode == 4, missing.ToString());
        Assert.Contains("there is no checkpoint 9", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gc_DeletesFinishedRunsAndNeverALiveOne()
    {
        await RunAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "done-1");
        await _workspace.RunAsync("run", _workspace.Write("failing.yaml", Flows.Failing), "--id", "failed-1");
        var waiting = await _workspace.RunAsync("run", _workspace.Write("signalled.yaml", Flows.Signalled), "--id", "waiting-1");
        Assert.True(waiting.ExitCode == 3, waiting.ToString());
        var live = (await RunAsync("show", "waiting-1", "--json")).Stdout;

        var dry = (await RunAsync("gc", "--dry-run", "--json")).Json;
        var onlyFailed = (await RunAsync("gc", "--status", "failed", "--json")).Json;
        var rest = (await RunAsync("gc", "--json")).Json;

        Assert.Equal(["done-1", "failed-1"], dry["deleted"]!.AsArray().Select(d => (string?)d).Order());
        Assert.Equal(["failed-1"], onlyFailed["deleted"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(["done-1"], rest["deleted"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(live, (await RunAsync("show", "waiting-1", "--json")).Stdout);
        Assert.Equal(4, (await _workspace.RunAsync("show", "done-1")).ExitCode);
    }

    [Fact]
    public async Task ExportThenImportIntoAnEmptyStore_GivesIdenticalShowAndJournals()
    {
        await RunAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "greet-1");
        await _workspace.RunAsync("run", _workspace.Write("failing.yaml", Flows.Failing), "--id", "failed-1");
        await _workspace.RunAsync("resume", "failed-1");
        await RunAsync("resume", "greet-1", "--strategy", "fork", "--checkpoint", "1", "--new-id", "fork-1");
        var ids = new[] { "greet-1", "failed-1", "fork-1" };
        var export = await RunAsync("export", "--all");
        var file = _workspace.Write("runs.jsonl", export.Stdout);

        using var target = new CliWorkspace();
        var imported = await target.RunAsync("import", file, "--json");
        var again = await target.RunAsync("import", file);
        var renamed = await target.RunAsync("import", file, "--rename", "--json");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal(ids.Order(), imported.Json.AsArray().Select(i => (string?)i!["runId"]).Order());
        foreach (var id in ids)
        {
            Assert.Equal((await RunAsync("show", id, "--json")).Stdout, (await target.RunAsync("show", id, "--json")).Stdout);
            Assert.Equal((await RunAsync("journal", id, "--all", "--json")).Stdout, (await target.RunAsync("journal", id, "--all", "--json")).Stdout);
        }

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("nothing was imported", again.Stderr, StringComparison.Ordinal);
        Assert.True(renamed.ExitCode == 0, renamed.ToString());
        Assert.Equal(ids.Select(i => i + "-imported").Order(), renamed.Json.AsArray().Select(i => (string?)i!["runId"]).Order());
        Assert.Equal("greet-1-imported", (string?)(await target.RunAsync("show", "fork-1-imported", "--json")).Json["origin"]!["runId"]);
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await _workspace.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
