using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>timeout and retry on steps that are not one durable step: composites, waits and child runs.</summary>
public sealed class StepTimeoutAndRetryTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Timeout_OnASequence_FailsItWhenAStepInsideWaitsPastIt()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: bounded-block
            steps:
              - id: block
                type: sequence
                timeout: 300ms
                steps:
                  - { id: first, type: script, code: "'done'" }
                  - { id: gate, type: wait, event: never }
            """);

        var id = await host.Client.StartAsync("bounded-block");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Contains("Step 'block' (", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("timed out: it ran longer than its timeout of 300ms.", run.Error.Message, StringComparison.Ordinal);
        var steps = (await host.Client.GetProgressAsync(id)).Steps.ToDictionary(s => s.Name, s => s.Status);
        Assert.Equal(StepStatus.Completed, steps["first"]);
    }

    [Fact]
    public async Task Timeout_OnAParallel_CutsALongAttemptInsideShortAndOnFailureSkipsTheStep()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: bounded-fan
            steps:
              - id: fan
                type: parallel
                timeout: 300ms
                onFailure: { action: skip, output: late }
                branches:
                  - - { id: slow, type: exec, command: [sleep, "60"] }
                  - - { id: quick, type: script, code: "'quick'" }
              - id: after
                type: script
                code: "steps.fan.output"
            """);

        var id = await host.Client.StartAsync("bounded-fan");

        Assert.Equal("\"late\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        Assert.Contains((await host.Client.GetProgressAsync(id)).Steps, s => s.Name == "fan" && s.Status == StepStatus.Skipped);
    }

    [Fact]
    public async Task Timeout_OnAnAsk_FailsTheStepWhenNoAnswerComes()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: impatient
            steps:
              - id: approve
                type: ask
                question: Ship it?
                kind: approval
                timeout: 200ms
                onFailure: { action: skip, output: false }
            """);

        var id = await host.Client.StartAsync("impatient");

        Assert.Equal("false", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }

    [Fact]
    public async Task Timeout_OnADelayLongerThanIt_FailsWithATimeOutOnceItHasPassed()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: nap
            steps:
              - { id: nap, type: delay, duration: 1h, timeout: 200ms }
            """);

        var id = await host.Client.StartAsync("nap");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.EndsWith("Step 'nap' (" + Path.Combine(_folder.Path, "flow.yaml") + ":3:5) timed out: it ran longer than its timeout of 200ms.", run.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_OnASequence_RetriesTheFailedStepInsideAndKeepsTheCompletedOnes()
    {
        var log = _folder.File("ran.txt");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: retried-block
            steps:
              - id: block
                type: sequence
                retry: { maxAttempts: 3, delay: 0s }
                steps:
                  - { id: prepare, type: exec, command: [sh, -c, "echo prepared >> '{{{log}}}'"] }
                  - { id: flaky, type: script, code: "if (run.attempt < 3) throw new Error('busy'); 'third time'" }
            """);

        var id = await host.Client.StartAsync("retried-block");

        Assert.Equal("\"third time\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        Assert.Equal(["prepared"], await File.ReadAllLinesAsync(log));
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(3, journal.Single(e => e.Name == "flaky" && e.Kind == JournalEntryKind.StepCompleted).Attempt);
    }

    [Fact]
    public async Task Retry_OnAWorkflowStep_StartsANewChildRunForEachAttempt()
    {
        var flag = _folder.File("second-try");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: once-broken
            steps:
              - id: work
                type: exec
                command: [sh, -c, "if [ -f '{{{flag}}}' ]; then echo fixed; else touch '{{{flag}}}'; exit 1; fi"]
            """, "child.yaml");
        await host.RegisterAsync(_folder.Path, """
            name: caller
            steps:
              - id: call
                type: workflow
                name: once-broken
                retry: { maxAttempts: 2, delay: 0s }
              - id: report
                type: script
                code: "steps.call.output.stdout.trim()"
            """, "parent.yaml");

        var id = await host.Client.StartAsync("caller");

        Assert.Equal("\"fixed\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        var children = (await host.Client.GetJournalAsync(id)).Where(e => e.Kind == JournalEntryKind.ChildStarted).Select(e => e.Position).ToList();
        Assert.Equal(2, children.Count);
        Assert.Equal(RunStatus.Failed, (await host.Client.GetRunAsync($"{id}/{children[0]}")).Status);
    }
}
