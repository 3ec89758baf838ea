using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>A <c>cairn run</c> killed with SIGKILL halfway is finished by <c>cairn resume</c> without re-running completed steps.</summary>
public sealed class CrashResumeTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_KilledHalfway_ResumeFinishesItAndOnlyTheKilledStepRunsAgain()
    {
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 6, gateAt: 3));

        await using (var run = _workspace.Start("run", file, "--id", "crash-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count == 3, "step s3 runs");
            await run.KillAsync();
        }

        _workspace.OpenGate();
        var resume = await _workspace.RunAsync("resume", "crash-1", "--json");
        var show = (await _workspace.RunAsync("show", "crash-1", "--json")).Json;

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("completed", (string?)resume.Json["status"]);
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal(["s1", "s2", "s3", "s3", "s4", "s5", "s6"], _workspace.Lines("lines.txt"));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6"], show["steps"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.All(show["steps"]!.AsArray(), s => Assert.Equal("completed", (string?)s!["status"]));
    }

    [Fact]
    public async Task Run_KilledHalfway_WorkerFinishesIt()
    {
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", _workspace.Path, steps: 4, gateAt: 2));

        await using (var run = _workspace.Start("run", file, "--id", "crash-2"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count == 2, "step s2 runs");
            await run.KillAsync();
        }

        _workspace.OpenGate();
        var worker = await _workspace.RunAsync("worker", "--until-idle");
        var show = (await _workspace.RunAsync("show", "crash-2", "--json")).Json;

        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Contains("crash-2 lines v1 completed", worker.Stdout, StringComparison.Ordinal);
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal(["s1", "s2", "s2", "s3", "s4"], _workspace.Lines("lines.txt"));
    }

    public void Dispose() => _workspace.Dispose();
}
