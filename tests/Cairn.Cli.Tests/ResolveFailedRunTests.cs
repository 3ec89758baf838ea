using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>cairn resolve on a run that has failed (not parked), and cairn stats narrowed to one workflow.</summary>
public sealed class ResolveFailedRunTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Resolve_RetryOnAFailedRun_RunsTheFailedStepAgainAndTheRunCompletes()
    {
        var flag = _workspace.File("fixed");
        var file = _workspace.Write("checks.yaml", $$$"""
            name: checks
            steps:
              - id: prepare
                type: exec
                command: [sh, -c, "echo prepared >> '{{{_workspace.Path}}}/prepared.txt'"]
              - id: check
                type: exec
                command: [sh, -c, "test -f '{{{flag}}}' && echo ready"]
            """);
        Assert.Equal(1, (await _workspace.RunAsync("run", file, "--id", "r1")).ExitCode);
        await File.WriteAllTextAsync(flag, "");

        var resolved = await _workspace.RunOkAsync("resolve", "r1", "--retry");
        await _workspace.RunOkAsync("resume", "r1");

        Assert.StartsWith("Resolution (retry) stored for run r1", resolved.Stdout, StringComparison.Ordinal);
        var run = (await _workspace.RunOkAsync("show", "r1", "--json")).Json;
        Assert.Equal(("completed", "ready\n"), ((string?)run["status"], (string?)run["output"]!["stdout"]));
        Assert.Equal(["prepared"], await File.ReadAllLinesAsync(_workspace.File("prepared.txt")));
        Assert.Empty((await _workspace.RunOkAsync("dead-letters", "--json")).Json.AsArray());
    }

    [Fact]
    public async Task Resolve_SkipWithAValueOnAFailedRun_StandsTheValueInForTheFailedStep()
    {
        var file = _workspace.Write("breaks.yaml", """
            name: breaks
            steps:
              - id: boom
                type: exec
                command: [sh, -c, "exit 3"]
              - id: after
                type: script
                code: "'after ' + steps.boom.output"
            """);
        Assert.Equal(1, (await _workspace.RunAsync("run", file, "--id", "f1")).ExitCode);

        var resolved = await _workspace.RunOkAsync("resolve", "f1", "--skip", "--value", "\"by hand\"");
        await _workspace.RunOkAsync("resume", "f1");

        Assert.StartsWith("Resolution (skip) stored for run f1", resolved.Stdout, StringComparison.Ordinal);
        var run = (await _workspace.RunOkAsync("show", "f1", "--json")).Json;
        Assert.Equal(("completed", "after by hand"), ((string?)run["status"], (string?)run["output"]));
    }

    [Fact]
    public async Task Stats_Workflow_CountsOnlyThatWorkflowsRuns()
    {
        var passes = _workspace.Write("passes.yaml", """
            name: passes
            steps:
              - { id: fine, type: script, code: "1" }
            """);
        var fails = _workspace.Write("fails.yaml", """
            name: fails
            steps:
              - { id: broken, type: exec, command: [sh, -c, "exit 2"] }
            """);
        await _workspace.RunOkAsync("run", passes, "--id", "p1");
        await _workspace.RunOkAsync("run", passes, "--id", "p2");
        Assert.Equal(1, (await _workspace.RunAsync("run", fails, "--id", "x1")).ExitCode);

        var all = (await _workspace.RunOkAsync("stats", "--json")).Json;
        var one = (await _workspace.RunOkAsync("stats", "--workflow", "fails", "--json")).Json;
        var text = await _workspace.RunOkAsync("stats", "--workflow", "passes");

        Assert.Equal((3, 2), ((int)all["runs"]!, all["workflows"]!.AsArray().Count));
        Assert.Equal(1, (int)one["runs"]!);
        var workflow = Assert.Single(one["workflows"]!.AsArray())!;
        Assert.Equal(("fails", 1, 1.0), ((string?)workflow["workflow"], (int)workflow["byStatus"]!["failed"]!, (double)workflow["errorRate"]!));
        Assert.Contains("passes: 2 run(s) (completed 2); error rate 0%", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fails", text.Stdout, StringComparison.Ordinal);
    }
}
