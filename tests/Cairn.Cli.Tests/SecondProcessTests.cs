using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Answers, signals, pause and cancel sent from a second process reach the run through the store.</summary>
public sealed class SecondProcessTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Ask_AnsweredFromAnotherProcess_ResumeCompletesTheRun()
    {
        var file = _workspace.Write("approval.yaml", Flows.Approval);
        var run = await _workspace.RunAsync("run", file, "--id", "approve-1");

        var answer = await _workspace.RunAsync("answer", "approve-1", "yes");
        var resume = await _workspace.RunAsync("resume", "approve-1");
        var show = (await _workspace.RunAsync("show", "approve-1", "--json")).Json;

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.True(answer.ExitCode == 0, answer.ToString());
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("completed", (string?)show["status"]);
        Assert.True((bool)show["output"]!["approved"]!);
    }

    [Fact]
    public async Task Answer_RunNotAsking_ExitsTwoAndStoresNothing()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "greet-1");

        var answer = await _workspace.RunAsync("answer", "greet-1", "yes");

        Assert.True(answer.ExitCode == 2, answer.ToString());
        Assert.Contains("not waiting", answer.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_SignalledFromAnotherProcess_WorkerCompletesTheRun()
    {
        var file = _workspace.Write("signalled.yaml", Flows.Signalled);
        var run = await _workspace.RunAsync("run", file, "--id", "signal-1");

        var signal = await _workspace.RunAsync("signal", "signal-1", "go", "--data", """{"n": 41}""");
        var worker = await _workspace.RunAsync("worker", "--until-idle");
        var show = (await _workspace.RunAsync("show", "signal-1", "--json")).Json;

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("cairn signal signal-1 go", run.Stderr, StringComparison.Ordinal);
        Assert.True(signal.ExitCode == 0, signal.ToString());
        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal(42, (int)show["output"]!);
    }

    [Fact]
    public async Task Pause_FromAnotherProcess_StopsTheRunAtAStepBoundaryAndResumeFinishesIt()
    {
        // s2 runs until the test opens its gate, so the pause is stored while the run is surely mid-way; the steps
        // after it take long enough for the executing process to see the request before the last one.
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 6, gateAt: 2, sleepSeconds: 0.5));
        await using var run = _workspace.Start("run", file, "--id", "pause-1");
        await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count == 2, "step s2 runs");

        var pause = await _workspace.RunAsync("pause", "pause-1", "--json");
        _workspace.OpenGate();
        var paused = await run.WaitForExitAsync();
        var show = (await _workspace.RunAsync("show", "pause-1", "--json")).Json;
        var linesWhilePaused = _workspace.Lines("lines.txt").Count;
        var resume = await _workspace.RunAsync("resume", "pause-1");

        Assert.True(pause.ExitCode == 0, pause.ToString());
        Assert.Equal("running", (string?)pause.Json["status"]);
        Assert.True(paused.ExitCode == 3, paused.ToString());
        Assert.Contains("cairn resume pause-1", paused.Stderr, StringComparison.Ordinal);
        Assert.Equal("paused", (string?)show["status"]);
        Assert.InRange(linesWhilePaused, 2, 5);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6"], _workspace.Lines("lines.txt"));
    }

    [Fact]
    public async Task Cancel_FromAnotherProcess_EndsTheRunAsCancelled()
    {
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 6, gateAt: 2, sleepSeconds: 0.5));
        await using var run = _workspace.Start("run", file, "--id", "cancel-1");
        await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count == 2, "step s2 runs");

        var cancel = await _workspace.RunAsync("cancel", "cancel-1");
        _workspace.OpenGate();
        var cancelled = await run.WaitForExitAsync();
        var show = (await _workspace.RunAsync("show", "cancel-1", "--json")).Json;
        var again = await _workspace.RunAsync("cancel", "cancel-1");

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.True(cancelled.ExitCode == 1, cancelled.ToString());
        Assert.Contains("cancelled", cancelled.Stderr, StringComparison.Ordinal);
        Assert.Equal("cancelled", (string?)show["status"]);
        Assert.InRange(_workspace.Lines("lines.txt").Count, 2, 5);
        Assert.True(again.ExitCode == 2, again.ToString());
    }

    public void Dispose() => _workspace.Dispose();
}
