using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Failure policies through the command line: an escalation answered with cairn answer, a parked run fixed with cairn resume.</summary>
public sealed class FailureHandlingTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Escalation_AnsweredRetryWithCairnAnswer_RunsTheStepAgainAndCompletes()
    {
        var flag = _workspace.File("stock-ready");
        var file = _workspace.Write("stock.yaml", $$"""
            name: stock
            steps:
              - id: check
                type: exec
                command: [test, -f, "{{flag}}"]
                onFailure: escalate
              - id: done
                type: script
                code: "'checked after ' + steps.check.output.exitCode"
            """);

        var first = await _workspace.RunAsync("run", file, "--id", "r1");
        Assert.True(first.ExitCode == 3, first.ToString());
        Assert.Contains("It asks \"Step 'check' failed after 1 attempt(s): Cairn.Definitions.ExecStepException:", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("(options: retry = Retry the step, skip = Skip it and go on, fail = Fail it): cairn answer r1 retry|skip|fail --question check@1.1", first.Stderr, StringComparison.Ordinal);

        File.WriteAllText(flag, string.Empty);
        var answer = await _workspace.RunAsync("answer", "r1", "retry");
        Assert.True(answer.ExitCode == 0, answer.ToString());
        var resumed = await _workspace.RunAsync("resume", "r1", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var shown = (await _workspace.RunAsync("show", "r1", "--json")).Json;
        Assert.Equal("checked after 0", (string?)shown["output"]);
        Assert.Equal(2, (int)shown["steps"]!.AsArray().Single(s => (string?)s!["id"] == "check")!["attempts"]!);
    }

    [Fact]
    public async Task ParkedRun_ResumedWithSetState_RetriesTheParkedStepAndCompletes()
    {
        var file = _workspace.Write("route.yaml", """
            name: route
            steps:
              - id: load
                type: script
                code: "42"
              - id: pick
                type: script
                code: "if (!state.region) throw new Error('no region configured'); state.region + ':' + steps.load.output"
                onFailure: park
            """);

        var first = await _workspace.RunAsync("run", file, "--id", "r1");
        Assert.True(first.ExitCode == 3, first.ToString());
        Assert.Contains("Run r1 is parked.", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("Its step 'pick' is parked after Cairn.Definitions.ScriptException: ", first.Stderr, StringComparison.Ordinal);
        Assert.Contains(": cairn resolve r1 --retry | --skip --value JSON | --fail", first.Stderr, StringComparison.Ordinal);
        var parked = (await _workspace.RunAsync("show", "r1", "--json")).Json;
        Assert.Equal("parked", (string?)parked["status"]);
        var wait = parked["waitingFor"]![0]!;
        Assert.Equal(("park", "pick"), ((string?)wait["kind"], (string?)wait["step"]));

        var resumed = await _workspace.RunAsync("resume", "r1", "--strategy", "resume", "--set-state", "region=\"eu\"", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal("completed", (string?)resumed.Json["status"]);
        Assert.Equal("eu:42", (string?)(await _workspace.RunAsync("show", "r1", "--json")).Json["output"]);
    }
}
