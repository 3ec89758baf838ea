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

    [Fact]
    public async Task Run_WhoseRetryIsLongAway_ExitsThreeAndSaysWhenTheStepIsTriedAgain()
    {
        var file = _workspace.Write("later.yaml", """
            name: later
            steps:
              - id: call
                type: exec
                command: [sh, -c, "exit 75"]
                retry: { maxAttempts: 3, delay: 10m, retryOn: { exitCode: 75 } }
            """);

        var result = await _workspace.RunAsync("run", file, "--id", "l1");
        var shown = (await _workspace.RunOkAsync("show", "l1", "--json")).Json;

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Its step at position 1 is tried again at ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(in 9m ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(("suspended", "timer", "retry:1"), ((string?)shown["status"], (string?)shown["waitingFor"]![0]!["kind"], (string?)shown["waitingFor"]![0]!["name"]));
    }

    [Fact]
    public async Task DeadLettersAndResolve_ListFailedAndParkedRunsAndActOnThem()
    {
        var parks = _workspace.Write("parks.yaml", """
            name: parks
            steps:
              - id: check
                type: exec
                command: [sh, -c, "echo busy >&2; exit 4"]
                onFailure: park
              - id: after
                type: script
                code: "'after ' + steps.check.output"
            """);
        var breaks = _workspace.Write("breaks.yaml", """
            name: breaks
            steps:
              - id: boom
                type: exec
                command: [sh, -c, "exit 3"]
                retry: { maxAttempts: 2, delay: 0s }
            """);
        Assert.Equal(3, (await _workspace.RunAsync("run", parks, "--id", "p1")).ExitCode);
        Assert.Equal(1, (await _workspace.RunAsync("run", breaks, "--id", "f1")).ExitCode);

        var json = await _workspace.RunOkAsync("dead-letters", "--json");
        var text = await _workspace.RunOkAsync("dead-letters");

        var letters = json.Json.AsArray();
        Assert.Equal(["runId", "workflow", "version", "status", "step", "position", "attempts", "error", "circuit", "until", "updatedAt"], letters[0]!.AsObject().Select(p => p.Key));
        var byRun = letters.ToDictionary(l => (string)l!["runId"]!);
        Assert.Equal(("parked", "check", 1, "Cairn.Definitions.ExecStepException"), ((string?)byRun["p1"]!["status"], (string?)byRun["p1"]!["step"], (int)byRun["p1"]!["attempts"]!, (string?)byRun["p1"]!["error"]!["type"]));
        Assert.Equal(("failed", "boom", 2), ((string?)byRun["f1"]!["status"], (string?)byRun["f1"]!["step"], (int)byRun["f1"]!["attempts"]!));
        Assert.StartsWith("RUN", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("cairn resolve RUN_ID --retry | --skip --value JSON | --fail", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(["f1"], (await _workspace.RunOkAsync("dead-letters", "--workflow", "breaks", "--json")).Json.AsArray().Select(l => (string?)l!["runId"]));

        var noChoice = await _workspace.RunAsync("resolve", "p1");
        var valueWithoutSkip = await _workspace.RunAsync("resolve", "p1", "--retry", "--value", "1");
        var failAgain = await _workspace.RunAsync("resolve", "f1", "--fail");
        Assert.True(noChoice.ExitCode == 2 && noChoice.Stderr.Contains("Give exactly one of --retry, --skip", StringComparison.Ordinal), noChoice.ToString());
        Assert.True(valueWithoutSkip.ExitCode == 2 && valueWithoutSkip.Stderr.Contains("--value goes with --skip", StringComparison.Ordinal), valueWithoutSkip.ToString());
        Assert.True(failAgain.ExitCode == 2 && failAgain.Stderr.Contains("it has failed already", StringComparison.Ordinal), failAgain.ToString());

        var resolved = await _workspace.RunOkAsync("resolve", "p1", "--skip", "--value", "\"by hand\"");
        Assert.StartsWith("Resolution (skip) stored for run p1", resolved.Stdout, StringComparison.Ordinal);
        await _workspace.RunOkAsync("resume", "p1");
        Assert.Equal("after by hand", (string?)(await _workspace.RunOkAsync("show", "p1", "--json")).Json["output"]);
        Assert.Equal(["f1"], (await _workspace.RunOkAsync("dead-letters", "--json")).Json.AsArray().Select(l => (string?)l!["runId"]));
    }

    [Fact]
    public async Task Stats_ShowsRunsByStatusErrorRateDurationsByStepTypeAndTopErrors()
    {
        var file = _workspace.Write("mixed.yaml", """
            name: mixed
            steps:
              - id: compute
                type: script
                code: "input.n * 2"
              - id: check
                type: exec
                command: [sh, -c, "test ${{ steps.compute.output }} -lt 5 || { echo too big >&2; exit 2; }"]
            """);
        await _workspace.RunAsync("run", file, "--input", """{"n": 1}""", "--id", "a");
        await _workspace.RunAsync("run", file, "--input", """{"n": 2}""", "--id", "b");
        await _workspace.RunAsync("run", file, "--input", """{"n": 9}""", "--id", "c");

        var stats = (await _workspace.RunOkAsync("stats", "--json")).Json;
        var text = await _workspace.RunOkAsync("stats", "--since", "1h");
        var bad = await _workspace.RunAsync("stats", "--since", "lately");

        Assert.Equal(["since", "runs", "workflows"], stats.AsObject().Select(p => p.Key));
        var mixed = stats["workflows"]![0]!;
        Assert.Equal(["workflow", "runs", "byStatus", "errorRate", "runDurations", "stepTypes", "steps", "topErrors"], mixed.AsObject().Select(p => p.Key));
        Assert.Equal((3, 2, 1, 0.3333), ((int)mixed["runs"]!, (int)mixed["byStatus"]!["completed"]!, (int)mixed["byStatus"]!["failed"]!, (double)mixed["errorRate"]!));
        Assert.Equal(["exec", "script"], mixed["stepTypes"]!.AsArray().Select(t => (string?)t!["type"]));
        var exec = mixed["stepTypes"]![0]!;
        Assert.Equal((2, 1, 3), ((int)exec["completed"]!, (int)exec["failed"]!, (int)exec["durations"]!["count"]!));
        Assert.Equal(["count", "meanMs", "p50Ms", "p95Ms"], exec["durations"]!.AsObject().Select(p => p.Key));
        var error = Assert.Single(mixed["topErrors"]!.AsArray())!;
        Assert.Equal(("Cairn.Definitions.ExecStepException", 1, "c"), ((string?)error["type"], (int)error["count"]!, (string?)error["lastRunId"]));
        Assert.Contains("mixed: 3 run(s) (completed 2, failed 1); error rate 33.3%", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("STEP TYPE", text.Stdout, StringComparison.Ordinal);
        Assert.True(bad.ExitCode == 2 && bad.Stderr.Contains("--since 'lately' is not a duration", StringComparison.Ordinal), bad.ToString());
    }
}
