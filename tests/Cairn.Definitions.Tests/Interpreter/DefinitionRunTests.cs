using System.Text.Json.Nodes;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>Definitions run on the durable engine: step types, expressions, skipping, replay and pinned versions.</summary>
public sealed class DefinitionRunTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_ScriptsStateConditionLoopAndParallel_ComputeTheOutputAndShowEveryStep()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: totals
            steps:
              - id: prices
                type: script
                code: "input.items.map(function (i) { return i.price * i.qty; })"
              - id: remember
                type: set
                state:
                  count: steps.prices.output.length
              - id: each
                type: loop
                forEach: steps.prices.output
                maxIterations: 10
                steps:
                  - id: double
                    type: script
                    code: "item * 2 + index * 0"
              - id: both
                type: parallel
                branches:
                  - - id: sum
                      type: script
                      code: "steps.prices.output.reduce(function (a, b) { return a + b; }, 0)"
                  - - id: max
                      type: script
                      code: "Math.max.apply(null, steps.prices.output)"
              - id: never
                type: script
                if: "state.count > 5"
                code: "'not run'"
              - id: verdict
                type: condition
                if: "steps.sum.output > 20"
                then:
                  - id: big
                    type: script
                    code: "'big order of ' + steps.sum.output + ', max ' + steps.max.output + ', ' + steps.never.status"
                else:
                  - id: small
                    type: script
                    code: "'small'"
            """);

        var id = await host.Client.StartAsync("totals", new { items = new[] { new { price = 5, qty = 2 }, new { price = 7, qty = 3 } } });
        var run = await host.WaitForStatusAsync(id, RunStatus.Completed);

        Assert.Equal("\"big order of 31, max 21, skipped\"", run.Output);
        var steps = (await host.Client.GetProgressAsync(id)).Steps;
        Assert.Equal(
            ["prices:Completed", "double:Completed", "double:Completed", "sum:Completed", "max:Completed", "never:Skipped", "big:Completed"],
            steps.Select(s => $"{s.Name}:{s.Status}"));
        Assert.Equal(["20", "42"], steps.Where(s => s.Name == "double").Select(s => s.Output));
    }

    [Fact]
    public async Task Run_ExecStepsAcrossARestart_NeverRepeatACompletedStep()
    {
        var log = _folder.File("side.txt");
        var yaml = $$$"""
            name: restartable
            steps:
              - id: first
                type: exec
                command: ["sh", "-c", "echo first >> '{{{log}}}'; echo one"]
              - id: gate
                type: wait
                event: go
              - id: second
                type: exec
                command: ["sh", "-c", "echo second >> '{{{log}}}'; echo ${{ steps.gate.output.n }}"]
            """;
        string id;
        await using (var first = await DefinitionHost.StartAsync(_folder.Path))
        {
            await first.RegisterAsync(_folder.Path, yaml);
            id = await first.Client.StartAsync("restartable");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await DefinitionHost.StartAsync(_folder.Path);
        await second.Client.SignalAsync(id, "go", new { n = 42 });
        var run = await second.WaitForStatusAsync(id, RunStatus.Completed);

        Assert.Equal("42\n", JsonNode.Parse(run.Output!)!["stdout"]!.GetValue<string>());
        Assert.Equal(["first", "second"], await File.ReadAllLinesAsync(log));
    }

    [Fact]
    public async Task Run_ChangedDefinition_LeavesRunningRunsOnTheirVersion()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        var v1 = await host.RegisterAsync(_folder.Path, Versioned("one"));
        var id = await host.Client.StartAsync("pinned");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);

        var v2 = await host.RegisterAsync(_folder.Path, Versioned("two"));
        var again = await host.RegisterAsync(_folder.Path, Versioned("two"));
        await host.Client.SignalAsync(id, "go");

        Assert.Equal((1, 2, 2), (v1.Version, v2.Version, again.Version));
        var run = await host.WaitForStatusAsync(id, RunStatus.Completed);
        Assert.Equal(("\"one\"", 1), (run.Output, run.Version));
        var fresh = await host.Client.StartAsync("pinned");
        await host.Client.SignalAsync(fresh, "go");
        Assert.Equal("\"two\"", (await host.WaitForStatusAsync(fresh, RunStatus.Completed)).Output);

        static string Versioned(string answer) => $$"""
            name: pinned
            steps:
              - id: gate
                type: wait
                event: go
              - id: answer
                type: script
                code: "'{{answer}}'"
            """;
    }

    [Fact]
    public async Task Run_ChildWorkflowStep_RunsTheChildDefinitionAndUsesItsOutput()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: child
            steps:
              - id: square
                type: script
                code: "input.n * input.n"
            """, "child.yaml");
        await host.RegisterAsync(_folder.Path, """
            name: parent
            steps:
              - id: call
                type: workflow
                name: child
                input: { n: "${{ input.n + 1 }}" }
              - id: report
                type: script
                code: "'square is ' + steps.call.output"
            """, "parent.yaml");

        var id = await host.Client.StartAsync("parent", new { n = 6 });

        Assert.Equal("\"square is 49\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }

    [Fact]
    public async Task Run_AllowlistedEnv_IsReadableButNeverJournaled()
    {
        var name = "CAIRN_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(name, "s3cr3t-value");
        try
        {
            await using var host = await DefinitionHost.StartAsync(_folder.Path);
            await host.RegisterAsync(_folder.Path, $$"""
                name: secretive
                env: [{{name}}]
                steps:
                  - id: use
                    type: script
                    code: "'token=' + env.{{name}} + ' length=' + env.{{name}}.length"
                """);

            var id = await host.Client.StartAsync("secretive");
            var run = await host.WaitForStatusAsync(id, RunStatus.Completed);

            Assert.Equal("\"token=*** length=12\"", run.Output);
            var journal = await host.Client.GetJournalAsync(id);
            Assert.DoesNotContain(journal, e => e.Payload?.Contains("s3cr3t", StringComparison.Ordinal) == true);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Run_FailingSteps_FailTheRunWithAClearMessage()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: broken
            steps:
              - id: list
                type: exec
                command: ["sh", "-c", "echo 'no such table' >&2; exit 3"]
            """, "broken.yaml");
        await host.RegisterAsync(_folder.Path, """
            name: refused
            steps:
              - id: stop
                type: fail
                message: "order ${{ input.order }} is refused"
            """, "refused.yaml");
        await host.RegisterAsync(_folder.Path, """
            name: runaway
            steps:
              - id: spin
                type: loop
                while: "true"
                maxIterations: 3
                steps:
                  - id: tick
                    type: script
                    code: "1"
            """, "runaway.yaml");

        var exec = await host.WaitForStatusAsync(await host.Client.StartAsync("broken"), RunStatus.Failed);
        var fail = await host.WaitForStatusAsync(await host.Client.StartAsync("refused", new { order = 7 }), RunStatus.Failed);
        var loop = await host.WaitForStatusAsync(await host.Client.StartAsync("runaway"), RunStatus.Failed);

        Assert.Contains("'sh' exited with code 3", exec.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("no such table", exec.Error.Message, StringComparison.Ordinal);
        Assert.Contains("order 7 is refused", fail.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("past its maxIterations of 3", loop.Error!.Message, StringComparison.Ordinal);
        var steps = (await host.Client.GetProgressAsync(exec.RunId)).Steps;
        Assert.Equal(StepStatus.Failed, Assert.Single(steps).Status);
    }

    [Fact]
    public async Task Run_DelayStep_IsADurableTimer()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: pause
            steps:
              - id: nap
                type: delay
                duration: 200ms
              - id: after
                type: script
                code: "'awake'"
            """);

        var id = await host.Client.StartAsync("pause");

        Assert.Equal("\"awake\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Contains(journal, e => e.Kind == JournalEntryKind.WaitStarted);
    }

    [Fact]
    public async Task Start_InputThatBreaksTheInputsSchema_IsRefusedBeforeARunExists()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: typed
            inputs:
              type: object
              required: [n]
              properties:
                n: { type: integer, minimum: 1 }
            steps:
              - id: twice
                type: script
                code: "input.n * 2"
            """);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("typed", new { n = 0 }));

        Assert.StartsWith("The input does not fit workflow 'typed' (version 1): input.n must be at least 1, but is 0.", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Client.ListRunsAsync());
        var ok = await host.Client.StartAsync("typed", new { n = 4 });
        Assert.Equal("8", (await host.WaitForStatusAsync(ok, RunStatus.Completed)).Output);
    }
}
