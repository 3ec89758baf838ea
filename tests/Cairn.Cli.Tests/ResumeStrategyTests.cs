using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn resume --strategy …</c>: dry runs that predict what runs, rewinds with archived branches, edits, forks and lineage.</summary>
public sealed class ResumeStrategyTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task FromCheckpoint_DryRunJsonListsExactlyTheStepsThatThenRun()
    {
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 4, gateAt: 0));
        await RunAsync("run", file, "--id", "r1");
        var before = (await RunAsync("journal", "r1", "--json")).Stdout;

        var dry = await RunAsync("resume", "r1", "--strategy", "from-checkpoint", "--checkpoint", "2", "--dry-run", "--json");
        Assert.Equal(before, (await RunAsync("journal", "r1", "--json")).Stdout);
        File.Delete(_workspace.File("lines.txt"));
        var applied = await RunAsync("resume", "r1", "--strategy", "from-checkpoint", "--checkpoint", "2", "--json");

        var plan = dry.Json;
        Assert.Equal(("from-checkpoint", true, 2, 1), ((string?)plan["strategy"], (bool)plan["dryRun"]!, (int)plan["checkpoint"]!, (int)plan["archivedBranch"]!));
        Assert.Equal(["s1", "s2"], JsonLists.Ids(plan["kept"]));
        Assert.Equal(["s3", "s4"], JsonLists.Ids(plan["rerun"]));
        Assert.Equal(["s3", "s4"], JsonLists.Ids(plan["outsideEffects"]));
        Assert.Equal(JsonLists.Ids(plan["rerun"]), _workspace.Lines("lines.txt"));
        Assert.Equal("completed", (string?)applied.Json["status"]);
        var journal = (await RunAsync("journal", "r1", "--all", "--json")).Json;
        var branch = journal["branches"]![0]!;
        Assert.Equal((1, "from-checkpoint"), ((int)branch["number"]!, (string?)branch["reason"]));
        Assert.Contains(branch["entries"]!.AsArray(), e => (string?)e!["kind"] == "runCompleted");
    }

    [Fact]
    public async Task DryRunText_SaysWhatIsKeptWhatRunsAgainAndWhatHasOutsideEffects()
    {
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 3, gateAt: 0));
        await RunAsync("run", file, "--id", "r1");

        var dry = await RunAsync("resume", "r1", "--strategy", "from-step", "--step", "s2", "--dry-run");

        Assert.Equal(
            $"""
            Would from-step run r1: Keeps everything before the first occurrence of step 's2' and runs again from there.
              archived        5 journal entries as branch 1 (cairn journal r1 --all)
              kept            s1 [1]
              runs again      s2 [2, side-effecting], s3 [3, side-effecting]
              outside effects s2 [2, side-effecting], s3 [3, side-effecting]
            {string.Empty}
            """,
            dry.Stdout);
    }

    [Fact]
    public async Task SetStateAndFork_JournalTheEditsAndLinkTheRunsBothWays()
    {
        var file = _workspace.Write("state.yaml", """
            name: factor
            steps:
              - id: first
                type: script
                code: "2"
              - id: times
                type: script
                code: "steps.first.output * (state.factor || 1)"
            """);
        await RunAsync("run", file, "--id", "r1");
        var original = (await RunAsync("journal", "r1", "--all", "--json")).Stdout;

        var fork = await RunAsync("resume", "r1", "--strategy", "fork", "--checkpoint", "1", "--set-state", "factor=21", "--new-id", "f1", "--json");

        Assert.Equal("completed", (string?)fork.Json["status"]);
        Assert.Equal(original, (await RunAsync("journal", "r1", "--all", "--json")).Stdout);
        var child = (await RunAsync("show", "f1", "--json")).Json;
        var parent = (await RunAsync("show", "r1", "--json")).Json;
        Assert.Equal(42, (int)child["output"]!);
        Assert.Equal(("r1", "fork", 1), ((string?)child["origin"]!["runId"], (string?)child["origin"]!["strategy"], (int)child["origin"]!["checkpoint"]!));
        Assert.Equal(["f1"], parent["derived"]!.AsArray().Select(d => (string?)d!["runId"]));
        Assert.Null(parent["origin"]);
        var edits = (await RunAsync("journal", "f1", "--json")).Json.AsArray().Where(e => (string?)e!["kind"] == "stateEdited").ToList();
        Assert.Equal(21, (int)Assert.Single(edits)!["payload"]!["new"]!);
        Assert.Contains("derived   f1 (fork of r1 at checkpoint 1), completed", (await RunAsync("show", "r1")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipFailed_StandsInForTheFailedStepWithTheValue()
    {
        var file = _workspace.Write("broken.yaml", """
            name: broken
            steps:
              - id: fine
                type: script
                code: "1 + 1"
              - id: broken
                type: exec
                command: [sh, -c, "exit 3"]
              - id: after
                type: script
                code: "'after ' + steps.broken.output"
            """);
        var failed = await _workspace.RunAsync("run", file, "--id", "r1");
        Assert.True(failed.ExitCode == 1, failed.ToString());

        var skipped = await RunAsync("resume", "r1", "--strategy", "skip-failed", "--value", "\"stand-in\"", "--json");

        Assert.Equal("completed", (string?)skipped.Json["status"]);
        Assert.Equal("after stand-in", (string?)(await RunAsync("show", "r1", "--json")).Json["output"]);
    }

    [Fact]
    public async Task Strategy_ThatDoesNotApply_ExitsTwoAndSaysWhy()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "g1");

        var retry = await _workspace.RunAsync("resume", "g1", "--strategy", "retry-failed");
        var unknown = await _workspace.RunAsync("resume", "g1", "--strategy", "sideways");
        var state = await _workspace.RunAsync("resume", "g1", "--strategy", "from-checkpoint", "--set-state", "nokey");

        Assert.True(retry.ExitCode == 2, retry.ToString());
        Assert.Contains("Cannot retry-failed run 'g1': it has no failed step or child workflow (status completed)", retry.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("'sideways' is not a resume strategy; use one of: resume, restart, from-checkpoint, fork, from-step, retry-failed, skip-failed, auto.", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(state.ExitCode == 2, state.ToString());
        Assert.Contains("--set-state 'nokey' is not KEY=JSON", state.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await _workspace.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
