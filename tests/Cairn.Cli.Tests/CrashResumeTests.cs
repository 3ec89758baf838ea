using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>A <c>cairn run</c> killed with SIGKILL halfway is finished by <c>cairn resume</c> without re-running completed steps.</summary>
public sealed class CrashResumeTests : IDisposable
{
    private const int Steps = 6;
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_KilledHalfway_ResumeFinishesItAndEveryCompletedStepRanOnce()
    {
        var lines = _workspace.File("lines.txt");
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", lines, Steps, sleepSeconds: 0.3));

        await using (var run = _workspace.Start("run", file, "--id", "crash-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count >= 3, "three steps have started");
            await run.KillAsync();
        }

        var ranBeforeKill = _workspace.Lines("lines.txt").Count;
        Assert.True(ranBeforeKill < Steps, $"the run finished before it was killed ({ranBeforeKill} lines)");

        var resume = await _workspace.RunAsync("resume", "crash-1", "--json");
        var show = (await _workspace.RunAsync("show", "crash-1", "--json")).Json;

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("completed", (string?)resume.Json["status"]);
        Assert.Equal("completed", (string?)show["status"]);
        var ran = _workspace.Lines("lines.txt");
        var expected = Enumerable.Range(1, Steps).Select(i => $"s{i}").ToList();
        Assert.Equal(expected, ran.Distinct());

        // The step running when the process died may run again; a step that had completed never does.
        var repeated = ran.GroupBy(l => l).Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count <= 1, string.Join(",", ran));
        if (repeated.Count == 1)
        {
            Assert.Equal(2, repeated[0].Count());
            Assert.Equal(ran[ranBeforeKill - 1], repeated[0].Key);
        }

        Assert.All(show["steps"]!.AsArray(), s => Assert.Equal("completed", (string?)s!["status"]));
    }

    [Fact]
    public async Task Run_KilledHalfway_WorkerFinishesIt()
    {
        var lines = _workspace.File("lines.txt");
        var file = _workspace.Write("lines.yaml", Flows.Lines("lines", lines, 4, sleepSeconds: 0.3));

        await using (var run = _workspace.Start("run", file, "--id", "crash-2"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Count >= 2, "two steps have started");
            await run.KillAsync();
        }

        var worker = await _workspace.RunAsync("worker", "--until-idle");
        var show = (await _workspace.RunAsync("show", "crash-2", "--json")).Json;

        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal(["s1", "s2", "s3", "s4"], _workspace.Lines("lines.txt").Distinct());
        Assert.True(_workspace.Lines("lines.txt").Count <= 5);
    }

    public void Dispose() => _workspace.Dispose();
}
