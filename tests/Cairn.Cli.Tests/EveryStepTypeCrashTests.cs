using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>
/// A definition that uses every step type, killed with SIGKILL twice while it runs and then driven to the end from
/// other processes: every step type replays from the journal, and no completed exec step runs again.
/// </summary>
public sealed class EveryStepTypeCrashTests : IDisposable
{
    private const string Child = """
        name: every-child
        steps:
          - id: square
            type: script
            code: "(input && input.n || 3) * (input && input.n || 3)"
        """;

    private const string Every = """
        name: every
        steps:
          - id: a
            type: exec
            command: [sh, -c, "echo a >> lines.txt; echo 1"]
          - id: b
            type: script
            code: "Number(steps.a.output.stdout.trim()) + 1"
          - id: c
            type: set
            state: { total: "steps.b.output" }
          - id: d
            type: condition
            if: "state.total == 2"
            then:
              - { id: d1, type: exec, command: [sh, -c, "echo d1 >> lines.txt"] }
            else:
              - { id: d2, type: fail, message: "wrong branch" }
          - id: e
            type: loop
            forEach: "[1, 2, 3, 4]"
            maxIterations: 10
            steps:
              - id: e1
                type: exec
                command: [sh, -c, "echo e${{ item }} >> lines.txt; sleep 0.3"]
          - id: f
            type: parallel
            branches:
              - - { id: f1, type: exec, command: [sh, -c, "echo f1 >> lines.txt"] }
              - - id: f2
                  type: sequence
                  steps:
                    - { id: f2a, type: script, code: "'seq'" }
          - { id: g, type: delay, duration: 300ms }
          - { id: h, type: wait, event: go }
          - { id: i, type: ask, question: "Ship it?", kind: approval }
          - { id: j, type: workflow, name: every-child, input: { n: "${{ steps.h.output.n }}" } }
          - { id: k, type: exec, command: [sh, -c, "echo k >> lines.txt"] }
          - { id: l, type: fail, if: "!steps.i.output", message: "not approved" }
          - id: out
            type: script
            code: "[state.total, steps.f2a.output, steps.h.output.n, steps.i.output, steps.j.output, steps.l.status]"
        """;

    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task EveryStepType_KilledTwiceThenSignalledAndAnswered_FinishesWithoutRepeatingCompletedSteps()
    {
        var child = _workspace.Write("child.yaml", Child);
        var file = _workspace.Write("every.yaml", Every);
        Assert.Equal(0, (await _workspace.RunAsync("run", child)).ExitCode);

        await using (var run = _workspace.Start("run", file, "--id", "every-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Contains("e1"), "the loop starts");
            await run.KillAsync();
        }

        await using (var resume = _workspace.Start("resume", "every-1"))
        {
            await Eventually.HoldsAsync(() => _workspace.Lines("lines.txt").Contains("e3"), "the loop goes on");
            await resume.KillAsync();
        }

        var waiting = await _workspace.RunAsync("resume", "every-1");
        Assert.True(waiting.ExitCode == 3, waiting.ToString());
        Assert.Equal(0, (await _workspace.RunAsync("signal", "every-1", "go", "--data", """{"n": 5}""")).ExitCode);
        var asking = await _workspace.RunAsync("resume", "every-1");
        Assert.True(asking.ExitCode == 3, asking.ToString());
        Assert.Equal(0, (await _workspace.RunAsync("answer", "every-1", "true")).ExitCode);
        var done = await _workspace.RunAsync("resume", "every-1", "--json");
        var show = (await _workspace.RunAsync("show", "every-1", "--json")).Json;

        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Equal("""[2,"seq",5,true,25,"skipped"]""", show["output"]!.ToJsonString());
        var lines = _workspace.Lines("lines.txt");
        Assert.Equal(["a", "d1", "e1", "e2", "e3", "e4", "f1", "k"], lines.Distinct().ToArray());
        Assert.True(lines.Count - lines.Distinct().Count() <= 2, $"at most the two killed steps ran twice: {string.Join(",", lines)}");
        Assert.Single(lines, l => l == "a");
        var statuses = show["steps"]!.AsArray().Select(s => $"{s!["id"]}:{s["status"]}").ToArray();
        Assert.Contains("l:skipped", statuses);
        Assert.DoesNotContain(statuses, s => s.EndsWith(":failed", StringComparison.Ordinal));
    }

    public void Dispose() => _workspace.Dispose();
}
