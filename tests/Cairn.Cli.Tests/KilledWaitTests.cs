using Cairn.Cli.Tests.Support;
using Cairn.Definitions.Tests.Execution;

namespace Cairn.Cli.Tests;

/// <summary>
/// A <c>cairn run</c> killed with SIGKILL while it waits on a timer, on a child run, or after an http step is finished
/// by <c>cairn resume</c>: completed steps (and requests) are not repeated.
/// </summary>
public sealed class KilledWaitTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_KilledDuringADelay_ResumeWaitsOutTheTimerAndRunsOnlyWhatFollows()
    {
        var file = _workspace.Write("nap.yaml", $"""
            name: nap
            steps:
              - {Line("before")}
              - {"{"} id: nap, type: delay, duration: 4s {"}"}
              - {Line("after")}
            """);

        await using (var run = _workspace.Start("run", file, "--id", "nap-1"))
        {
            await Eventually.HoldsAsync(async () => (await _workspace.RunAsync("journal", "nap-1", "--json")).Stdout.Contains("\"waitStarted\"", StringComparison.Ordinal), "the timer is set");
            await run.KillAsync();
        }

        var resume = await _workspace.RunAsync("resume", "nap-1");

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal(["before", "after"], _workspace.Lines("lines.txt"));
    }

    [Fact]
    public async Task Run_KilledWhileItsChildRuns_ResumeFinishesChildAndParentWithoutRepeatingTheirCompletedSteps()
    {
        var gate = _workspace.File("gate");
        var child = _workspace.Write("child.yaml", $$"""
            name: child
            steps:
              - {{Line("c1")}}
              - { id: c2, type: exec, command: [sh, -c, "echo c2 >> lines.txt; while [ ! -f '{{gate}}' ]; do sleep 0.02; done"] }
              - { id: c3, type: script, code: "'child done'" }
            """);
        var parent = _workspace.Write("parent.yaml", $$"""
            name: parent
            steps:
              - {{Line("p1")}}
              - { id: call, type: workflow, name: child }
              - { id: p2, type: script, code: "steps.call.output + ', parent done'" }
            """);

        // Registers the child definition without running it.
        Assert.Equal(0, (await _workspace.RunAsync("run", child, "--detach", "--id", "registers-child")).ExitCode);
        Assert.Equal(0, (await _workspace.RunAsync("cancel", "registers-child")).ExitCode);

        await using (var run = _workspace.Start("run", parent, "--id", "parent-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Contains("c2"), "the child's second step runs");
            await run.KillAsync();
        }

        _workspace.OpenGate();
        var resume = await _workspace.RunAsync("resume", "parent-1", "--json");
        var show = (await _workspace.RunAsync("show", "parent-1", "--json")).Json;

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("child done, parent done", (string?)show["output"]);
        Assert.Equal(["p1", "c1", "c2", "c2"], _workspace.Lines("lines.txt"));
    }

    [Fact]
    public async Task Run_KilledAfterAnHttpStep_ResumeReplaysItsResponseWithoutSendingAgain()
    {
        await using var server = LoopbackServer.Start();
        server.ResponseBody = """{"reservation": "r-1"}""";
        var gate = _workspace.File("gate");
        var file = _workspace.Write("reserve.yaml", $$$"""
            name: reserve
            steps:
              - { id: call, type: http, method: POST, url: "{{{server.Url}}}reserve" }
              - { id: hold, type: exec, command: [sh, -c, "echo hold >> lines.txt; while [ ! -f '{{{gate}}}' ]; do sleep 0.02; done"] }
              - { id: out, type: script, code: "steps.call.output.body.reservation" }
            """);

        await using (var run = _workspace.Start("run", file, "--id", "reserve-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Contains("hold"), "the step after the request runs");
            await run.KillAsync();
        }

        server.ResponseBody = """{"reservation": "r-2"}""";
        _workspace.OpenGate();
        var resume = await _workspace.RunAsync("resume", "reserve-1");
        var show = (await _workspace.RunAsync("show", "reserve-1", "--json")).Json;

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("r-1", (string?)show["output"]);
        Assert.Equal(1, server.Requests);
    }

    /// <summary>An exec step that appends its id to lines.txt.</summary>
    private static string Line(string id) => $$"""{ id: {{id}}, type: exec, command: [sh, -c, "echo {{id}} >> lines.txt"] }""";

    public void Dispose() => _workspace.Dispose();
}
