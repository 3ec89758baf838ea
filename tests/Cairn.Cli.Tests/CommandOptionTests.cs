using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Options of run, runs, answer and resume, the default store, and inputs checked against the definition's schema.</summary>
public sealed class CommandOptionTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task RunWithInputFile_ThenRunsFilteredByWorkflowAndLimited_ListOnlyThoseRuns()
    {
        var greet = _workspace.Write("greet.yaml", Flows.Greet);
        var failing = _workspace.Write("failing.yaml", Flows.Failing);
        var input = _workspace.Write("input.json", """{"name": "Ada"}""");

        var run = await _workspace.RunAsync("run", greet, "--input-file", input, "--id", "g1", "--json");
        await _workspace.RunAsync("run", greet, "--input-file", input, "--id", "g2");
        await _workspace.RunAsync("run", failing, "--id", "f1");
        var byWorkflow = (await _workspace.RunAsync("runs", "--workflow", "greet", "--json")).Json.AsArray();
        var limited = (await _workspace.RunAsync("runs", "--limit", "1", "--json")).Json.AsArray();
        var show = (await _workspace.RunAsync("show", "g1", "--json")).Json;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("hello Ada", (string?)show["output"]);
        Assert.Equal("Ada", (string?)show["input"]!["name"]);
        Assert.Equal(["g1", "g2"], byWorkflow.Select(r => (string?)r!["runId"]).Order());
        Assert.All(byWorkflow, r => Assert.Equal("greet", (string?)r!["workflow"]));
        Assert.Single(limited);
    }

    [Fact]
    public async Task AnswerWithQuestion_AnswersThatQuestionOfSeveralOpenOnes()
    {
        var file = _workspace.Write("two.yaml", """
            name: two-questions
            steps:
              - id: both
                type: parallel
                branches:
                  - - { id: size, type: ask, question: "Which size?", kind: choice, options: [{ id: s, label: Small }, { id: l, label: Large }] }
                  - - { id: note, type: ask, question: "Any note?" }
              - id: out
                type: script
                code: "steps.size.output + '/' + steps.note.output"
            """);
        Assert.Equal(3, (await _workspace.RunAsync("run", file, "--id", "q1")).ExitCode);

        var ambiguous = await _workspace.RunAsync("answer", "q1", "l");
        var size = await _workspace.RunAsync("answer", "q1", "l", "--question", "size");
        var note = await _workspace.RunAsync("answer", "q1", "fragile", "--question", "note");
        var resume = await _workspace.RunAsync("resume", "q1", "--json");
        var show = (await _workspace.RunAsync("show", "q1", "--json")).Json;

        Assert.True(ambiguous.ExitCode == 2, ambiguous.ToString());
        Assert.Contains("has 2 open questions (size, note)", ambiguous.Stderr, StringComparison.Ordinal);
        Assert.True(size.ExitCode == 0 && note.ExitCode == 0, size + "\n" + note);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("l/fragile", (string?)show["output"]);
    }

    [Fact]
    public async Task ResumeDetach_OnlyEnqueues_AndAWorkerFinishesTheRun()
    {
        var file = _workspace.Write("approval.yaml", Flows.Approval);
        Assert.Equal(3, (await _workspace.RunAsync("run", file, "--id", "d1")).ExitCode);
        Assert.Equal(0, (await _workspace.RunAsync("answer", "d1", "yes")).ExitCode);

        var detached = await _workspace.RunAsync("resume", "d1", "--detach", "--json");
        var before = (await _workspace.RunAsync("show", "d1", "--json")).Json;
        var worker = await _workspace.RunAsync("worker", "--until-idle");
        var after = (await _workspace.RunAsync("show", "d1", "--json")).Json;

        Assert.True(detached.ExitCode == 0, detached.ToString());
        Assert.Equal("d1", (string?)detached.Json["runId"]);
        Assert.NotEqual("completed", (string?)before["status"]);
        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Equal("completed", (string?)after["status"]);
    }

    [Fact]
    public async Task Run_InputThatBreaksTheInputsSchema_ExitsTwoWithWhatIsWrongAndStartsNothing()
    {
        var file = _workspace.Write("typed.yaml", """
            name: typed
            inputs:
              type: object
              required: [n]
              properties:
                n: { type: integer, minimum: 1 }
            steps:
              - { id: twice, type: script, code: "input.n * 2" }
            """);

        var result = await _workspace.RunAsync("run", file, "--input", """{"n": 0}""");
        var runs = (await _workspace.RunAsync("runs", "--json")).Json.AsArray();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("input.n must be at least 1, but is 0", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(runs);
    }

    [Fact]
    public async Task DefaultStore_IsCairnDbInTheWorkingDirectory()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        var none = new Dictionary<string, string?>();

        var run = await _workspace.RunRawAsync(none, "run", file, "--input", """{"name": "Bo"}""", "--id", "default-1");
        var show = await _workspace.RunRawAsync(none, "show", "default-1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(_workspace.File("cairn.db")), "cairn.db is created in the working directory");
        Assert.Equal("hello Bo", (string?)show.Json["output"]);
    }

    [Fact]
    public async Task ScriptStep_StoppedByTheRecursionLimit_ExitsOneWithTheLimitInShowsError()
    {
        var file = _workspace.Write("deep.yaml", """
            name: deep
            steps:
              - { id: down, type: script, code: "function f(n) { return f(n + 1); } f(0)" }
            """);

        var run = await _workspace.RunAsync("run", file, "--id", "deep-1");
        var show = (await _workspace.RunAsync("show", "deep-1", "--json")).Json;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("failed", (string?)show["status"]);
        Assert.Contains("(ScriptLimits.MaxRecursionDepth)", (string?)show["error"]!["message"], StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
