using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>Steps that cannot go on fail the run with a clear error that names the step and where it is defined.</summary>
public sealed class StepFailureTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("{ id: gate, type: wait, event: go, timeout: 100ms }", "Event 'go' did not arrive within 00:00:00.1000000", false)]
    [InlineData("{ id: approve, type: ask, question: \"Ship ${{ input.order.id }}?\", kind: approval }", "Step 'approve' ", true)]
    [InlineData("{ id: nap, type: delay, duration: \"${{ input.when }}\" }", "duration 'soon' is not a duration; write it like 30s", true)]
    [InlineData("{ id: keep, type: set, state: { n: \"input.order.id\" } }", "Step 'keep' ", true)]
    [InlineData("{ id: pick, type: condition, if: \"input.order.id > 1\", then: [{ id: t, type: script, code: \"1\" }] }", "Step 'pick' ", true)]
    public async Task Step_ThatCannotGoOn_FailsTheRunWithAClearError(string step, string expected, bool located)
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $"""
            name: breaks
            steps:
              - {step}
              - {"{"} id: after, type: script, code: "'not reached'" {"}"}
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("breaks", new { when = "soon" }), RunStatus.Failed);

        Assert.Contains(expected, run.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(located, run.Error.Message.Contains("flow.yaml:3:5): ", StringComparison.Ordinal));
        var steps = (await host.Client.GetProgressAsync(run.RunId)).Steps;
        Assert.DoesNotContain(steps, s => s.Name == "after");
    }

    [Fact]
    public async Task WorkflowStep_WhoseChildFails_FailsTheParentWithTheChildsError()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: child
            steps:
              - { id: stop, type: fail, message: "the child gives up" }
            """, "child.yaml");
        await host.RegisterAsync(_folder.Path, """
            name: parent
            steps:
              - { id: call, type: workflow, name: child }
              - { id: after, type: script, code: "'not reached'" }
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("parent"), RunStatus.Failed);

        Assert.Contains("ended failed", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("the child gives up", run.Error.Message, StringComparison.Ordinal);
        var child = Assert.Single(await host.Client.ListRunsAsync(), r => r.Workflow == "child");
        Assert.Equal(RunStatus.Failed, child.Status);
    }

    [Theory]
    [InlineData("while (true) {}", "(ScriptLimits.Timeout)")]
    [InlineData("while (true) {}", "(ScriptLimits.MaxStatements)")]
    [InlineData("function f(n) { return f(n + 1); } f(0)", "(ScriptLimits.MaxRecursionDepth)")]
    public async Task ScriptStep_StoppedByASandboxLimit_FailsTheRunWithTheLimitInItsError(string code, string limit)
    {
        // Only the limit under test is tight, so that a slow machine does not hit another one first.
        var limits = limit == "(ScriptLimits.Timeout)"
            ? new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue }
            : new ScriptLimits { Timeout = TimeSpan.FromMinutes(1) };
        await using var host = await DefinitionHost.StartAsync(_folder.Path, limits: limits);
        await host.RegisterAsync(_folder.Path, $"""
            name: greedy
            steps:
              - id: spin
                type: script
                code: "{code}"
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("greedy"), RunStatus.Failed);

        Assert.Contains(limit, run.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, Assert.Single((await host.Client.GetProgressAsync(run.RunId)).Steps).Status);
    }
}
