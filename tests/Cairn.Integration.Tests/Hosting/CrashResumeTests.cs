using System.Text.Json;
using Cairn.Integration.Tests.Support;
using Cairn.Journal;
using Cairn.Sqlite;

namespace Cairn.Integration.Tests.Hosting;

/// <summary>
/// Every resume strategy on a run whose process was killed with SIGKILL while a side-effecting step ran (and a
/// parallel step had failed): a second process plans it as a dry run, applies it, and the steps whose bodies then run
/// are exactly those the plan listed, plus the steps the run had never reached (which the plan of a definition run
/// lists too).
/// </summary>
public sealed class CrashResumeTests
{
    public static TheoryData<string, string, string[], string[], string> Strategies => new()
    {
        { "resume", "-", ["b"], [], "failed" },
        { "auto", "-", ["b"], [], "failed" },
        { "retry-failed", "-", ["b", "f0"], ["c"], "completed" },
        { "skip-failed", "-", ["b"], ["c"], "completed" },
        { "from-checkpoint", "1", ["b", "f0"], ["c"], "completed" },
        { "from-step", "f0", ["b", "f0"], ["c"], "completed" },
        { "fork", "1", ["b", "f0"], ["c"], "completed" },
        { "restart", "-", ["a", "b", "f0"], ["c"], "completed" },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task CSharpRun_KilledInASideEffectingStep_ResumesAsTheDryRunSaid(string strategy, string argument, string[] rerun, string[] fresh, string end)
    {
        using var dir = new TempDirectory();
        var db = dir.File("crash.db");
        await using (var crash = ChildProcess.Start("crashy", db, "r1"))
        {
            await crash.WaitForLineAsync(l => l == "body r1 b");
            await WaitForJournalAsync(db, "r1", j => j.Any(e => e.Kind == JournalEntryKind.StepFailed && e.Name == "f0"));
            await crash.KillAsync();
        }

        await using var recover = ChildProcess.Start("recover", db, "r1", strategy, argument);
        var plan = Plan(await recover.WaitForLineAsync(l => l.StartsWith("plan ", StringComparison.Ordinal)));
        var continuing = (await recover.WaitForLineAsync(l => l.StartsWith("applied ", StringComparison.Ordinal)))["applied ".Length..];
        var done = await recover.WaitForLineAsync(l => l.StartsWith("done ", StringComparison.Ordinal));

        var bodies = recover.Seen.Where(l => l.StartsWith($"body {continuing} ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]);
        Assert.Equal(rerun, plan.Rerun.Order());
        Assert.Empty(plan.NotReached);
        Assert.Equal(rerun.Concat(fresh).Order(), bodies.Order());
        Assert.Contains("b", plan.Outside);
        Assert.Equal("done " + end, done);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task DefinitionRun_KilledInAnExecStep_ResumesAsTheDryRunSaid(string strategy, string argument, string[] rerun, string[] fresh, string end)
    {
        using var dir = new TempDirectory();
        var db = dir.File("crash.db");
        var log = dir.File("ran.txt");
        var gate = dir.File("gate");
        var marker = dir.File("fail-f0");
        var flow = dir.File("flow.yaml");
        await File.WriteAllTextAsync(flow, Definition(log, gate, marker));
        await File.WriteAllTextAsync(marker, string.Empty);
        try
        {
            await using (var crash = ChildProcess.Start("crashy", db, "r1", flow))
            {
                await WaitForJournalAsync(db, "r1", j => j.Any(e => e.Kind == JournalEntryKind.StepFailed && e.Name == "f0") && j.Any(e => e.Kind == JournalEntryKind.StepStarted && e.Name == "b"));
                await crash.KillAsync();
            }

            File.Delete(log);
            File.Delete(marker);
            await using var recover = ChildProcess.Start("recover", db, "r1", strategy, argument, flow);
            var plan = Plan(await recover.WaitForLineAsync(l => l.StartsWith("plan ", StringComparison.Ordinal)));
            var continuing = (await recover.WaitForLineAsync(l => l.StartsWith("applied ", StringComparison.Ordinal)))["applied ".Length..];
            await File.WriteAllTextAsync(gate, string.Empty);
            var done = await recover.WaitForLineAsync(l => l.StartsWith("done ", StringComparison.Ordinal));

            var bodies = File.ReadAllLines(log).Where(l => l.StartsWith(continuing + " ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]);
            Assert.Equal(rerun, plan.Rerun.Order());
            Assert.Equal(end == "completed" ? fresh : [], plan.NotReached);
            Assert.Equal(rerun.Concat(fresh).Order(), bodies.Order());
            Assert.Contains("b", plan.Outside);
            Assert.Equal("done " + end, done);
        }
        finally
        {
            // Lets the step the killed process left behind finish.
            await File.WriteAllTextAsync(gate, string.Empty);
        }
    }

    private static (string[] Rerun, string[] Outside, string[] NotReached) Plan(string line)
    {
        using var doc = JsonDocument.Parse(line["plan ".Length..]);
        var root = doc.RootElement;
        string[] Names(string property) => root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();
        return (Names("rerun"), Names("outside"), Names("notReached"));
    }

    /// <summary>Reads the run's journal from the store file until it satisfies the condition (the host process writes it).</summary>
    private static async Task WaitForJournalAsync(string db, string runId, Func<IReadOnlyList<JournalEntry>, bool> condition)
    {
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition(await store.ReadJournalAsync(runId)))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>The definition twin of "crashy": each exec step logs "RUN STEP"; f0 fails while the marker exists; b waits for the gate (at most a minute).</summary>
    private static string Definition(string log, string gate, string marker) => $$$"""
        name: crashy-yaml
        steps:
          - id: a
            type: exec
            command: ["sh", "-c", "echo ${{ run.id }} a >> '{{{log}}}'; echo 1"]
          - id: fan
            type: parallel
            branches:
              -
                - id: f0
                  type: exec
                  command: ["sh", "-c", "echo ${{ run.id }} f0 >> '{{{log}}}'; if [ -e '{{{marker}}}' ]; then exit 3; fi; echo 1"]
              -
                - id: b
                  type: exec
                  command: ["sh", "-c", "echo ${{ run.id }} b >> '{{{log}}}'; i=0; while [ ! -e '{{{gate}}}' ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; echo 2"]
          - id: c
            type: exec
            command: ["sh", "-c", "echo ${{ run.id }} c >> '{{{log}}}'; echo 3"]
        """;
}
