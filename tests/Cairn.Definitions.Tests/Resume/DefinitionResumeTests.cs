using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Definitions.Tests.Interpreter;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Resume;

/// <summary>Every resume strategy on definition runs: exec steps log to a file when their body runs, so the test sees what ran again.</summary>
public sealed class DefinitionResumeTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string LogFile => _folder.File("ran.txt");

    [Fact]
    public async Task Resume_FailedExecStep_RunsItAgainAndSaysItHasOutsideEffects()
    {
        await using var host = await StartAsync();
        var id = await RunFailingAsync(host, "c");

        var dry = await host.Client.ResumeAsync(id, new ResumeRequest { DryRun = true });
        File.Delete(Marker("c"));
        var plan = await host.Client.ResumeAsync(id, new ResumeRequest());

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(["a", "b"], dry.Kept.Select(c => c.Name));
        Assert.Equal([("c", true)], dry.Rerun.Select(c => (c.Name, c.SideEffecting)));
        Assert.Equal(["c"], dry.OutsideEffects.Select(c => c.Name));
        Assert.Equal([("p0", "exec", false, true), ("p1", "exec", false, true), ("d", "exec", false, true)], dry.NotReached.Select(s => (s.Id, s.Type, s.MayRun, s.HasOutsideEffects)));
        Assert.Equal(dry.Rerun.Select(c => c.Name), plan.Rerun.Select(c => c.Name));
        Assert.Equal(dry.Rerun.Select(c => c.Name).Concat(dry.NotReached.Select(s => s.Id)).Order(), Ran().Order());
    }

    [Fact]
    public async Task FromCheckpoint_WithAStateEdit_RunsTheRestWithTheEditedState()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest
        {
            Strategy = ResumeStrategy.FromCheckpoint,
            Checkpoint = 2,
            SetState = new Dictionary<string, JsonElement> { ["factor"] = JsonSerializer.SerializeToElement(7) },
        });

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(["c", "p0", "p1", "d"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(plan.Rerun.Select(c => c.Name).Order(), Ran().Order());
        var c = (await host.Client.GetProgressAsync(id)).Steps.Last(s => s.Name == "c");
        Assert.Equal("7\n", JsonNode.Parse(c.Output!)!["stdout"]!.GetValue<string>());
        Assert.Single(await host.Client.GetJournalBranchesAsync(id));
    }

    [Fact]
    public async Task Fork_LeavesTheOriginalByteIdentical()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host);
        var journal = Lines(await host.Client.GetJournalAsync(id));
        var run = JsonSerializer.Serialize(await host.Client.GetRunAsync(id));

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Fork, Checkpoint = 1 });

        await host.WaitForStatusAsync(plan.ContinuingRunId, RunStatus.Completed);
        Assert.Equal(journal, Lines(await host.Client.GetJournalAsync(id)));
        Assert.Equal(run, JsonSerializer.Serialize(await host.Client.GetRunAsync(id)));
        Assert.Equal(["b", "c", "p0", "p1", "d"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(plan.Rerun.Select(c => c.Name).Order(), Ran().Order());
        Assert.Equal(id, (await host.Client.GetRunAsync(plan.ContinuingRunId)).Origin?.RunId);
    }

    [Fact]
    public async Task FromStep_RunsAgainFromTheNamedStep()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromStep, StepId = "b" });

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(["b", "c", "p0", "p1", "d"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(plan.Rerun.Select(c => c.Name).Order(), Ran().Order());
    }

    [Fact]
    public async Task Restart_RunsEverythingInANewRunWithTheNewInput()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Restart, Input = JsonSerializer.SerializeToElement(new { label = "again" }) });

        var run = await host.WaitForStatusAsync(plan.ContinuingRunId, RunStatus.Completed);
        Assert.Equal(["a", "b", "c", "p0", "p1", "d"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(plan.Rerun.Select(c => c.Name).Order(), Ran().Order());
        Assert.Equal("again\n", JsonNode.Parse(run.Output!)!["stdout"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetryFailed_ParallelBranches_RunsOnlyTheFailedBranchAgain()
    {
        await using var host = await StartAsync();
        var id = await RunFailingAsync(host, "p1");

        File.Delete(Marker("p1"));
        var dry = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.RetryFailed, DryRun = true });
        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.RetryFailed });

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(["p1"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(["d"], dry.NotReached.Select(s => s.Id));
        Assert.Equal(["p1", "d"], Ran());
    }

    [Fact]
    public async Task SkipFailed_StandsInWithTheValueForLaterSteps()
    {
        await using var host = await StartAsync();
        var id = await RunFailingAsync(host, "c");

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.SkipFailed, Value = JsonSerializer.SerializeToElement(new { stdout = "stand-in" }) });

        var run = await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(["c"], plan.Skipped.Select(c => c.Name));
        Assert.Empty(plan.Rerun);
        Assert.Equal(["d", "p0", "p1"], Ran().Order());
        Assert.Equal("stand-in\n", JsonNode.Parse(run.Output!)!["stdout"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auto_TimedOutStep_IsRetried()
    {
        await using var host = await StartAsync();
        File.WriteAllText(Marker("slow"), string.Empty);
        var id = await StartRunAsync(host, RunStatus.Failed);
        File.Delete(Marker("slow"));

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto });

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(ResumeStrategy.RetryFailed, plan.Strategy);
        Assert.Contains("failed with TimeoutException", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(["b", "c", "d", "p0", "p1"], Ran().Order());
    }

    [Fact]
    public async Task Auto_AfterTheDefinitionChanged_RewindsToTheLastCheckpointThatStillReplays()
    {
        await using var host = await StartAsync();
        await host.RegisterAsync(_folder.Path, Gated("b"), "gated.yaml");
        var id = await host.Client.StartAsync("gated");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var v2 = await host.RegisterAsync(_folder.Path, Gated("b2"), "gated.yaml");
        File.Delete(LogFile);

        await host.Client.ResumeAsync(id, new ResumeRequest { Version = v2.Version });
        var failed = await host.WaitForStatusAsync(id, RunStatus.Failed);
        Assert.Equal(typeof(NonDeterminismException).FullName, failed.Error?.Type);
        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Auto });
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.SignalAsync(id, "go");

        await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal((ResumeStrategy.FromCheckpoint, 1), (plan.Strategy, plan.Checkpoint));
        Assert.Equal(["b"], plan.Rerun.Select(c => c.Name));
        Assert.Equal(["b2", "c"], Ran());
        Assert.Equal(v2.Version, (await host.Client.GetRunAsync(id)).Version);
    }

    private async Task<DefinitionHost> StartAsync()
    {
        var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, Pipeline());
        return host;
    }

    private async Task<string> RunToEndAsync(DefinitionHost host) => await StartRunAsync(host, RunStatus.Completed);

    private async Task<string> RunFailingAsync(DefinitionHost host, string step)
    {
        File.WriteAllText(Marker(step), string.Empty);
        return await StartRunAsync(host, RunStatus.Failed);
    }

    private async Task<string> StartRunAsync(DefinitionHost host, RunStatus end)
    {
        var id = await host.Client.StartAsync("pipeline", new { label = "first" });
        await host.WaitForStatusAsync(id, end);
        File.Delete(LogFile);
        return id;
    }

    private string[] Ran() => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    private string Marker(string step) => _folder.File("fail-" + step);

    private static List<string> Lines(IReadOnlyList<JournalEntry> journal) =>
        journal.Select(e => $"{e.Sequence}|{e.Kind}|{e.Position}|{e.Name}|{e.Payload}|{e.Attempt}|{e.At:O}|{e.StartedAt:O}").ToList();

    /// <summary>An exec step that logs its id, fails while its marker file exists (or, for "slow", sleeps past its time-out), and prints <paramref name="output"/>.</summary>
    private string Exec(string id, string output, string indent = "  ") => $$"""
        {{indent}}- id: {{id}}
        {{indent}}  type: exec
        {{indent}}  timeout: 1s
        {{indent}}  command: ["sh", "-c", "echo {{id}} >> '{{LogFile}}'; if [ -e '{{Marker("slow")}}' ] && [ {{id}} = b ]; then sleep 5; fi; if [ -e '{{Marker(id)}}' ]; then exit 3; fi; echo {{output}}"]
        """;

    private string Pipeline() => $$"""
        name: pipeline
        steps:
        {{Exec("a", "1")}}
        {{Exec("b", "2")}}
        {{Exec("c", "${{ state.factor || 1 }}")}}
          - id: fan
            type: parallel
            branches:
              -
        {{Exec("p0", "0", "        ")}}
              -
        {{Exec("p1", "1", "        ")}}
        {{Exec("d", "${{ steps.c.output.stdout.trim() === 'stand-in' ? 'stand-in' : input.label }}")}}
        """;

    private string Gated(string second) => $$"""
        name: gated
        steps:
        {{Exec("a", "1")}}
        {{Exec(second, "2")}}
          - id: gate
            type: wait
            event: go
        {{Exec("c", "3")}}
        """;
}
