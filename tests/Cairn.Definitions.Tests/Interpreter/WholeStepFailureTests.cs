using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>onFailure and compensate on steps that do no work themselves (sequence, parallel): they apply to the step as a whole.</summary>
public sealed class WholeStepFailureTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OnFailureEscalate_OnASequence_RunsItAgainWhenAnsweredRetry()
    {
        var flag = _folder.File("ready");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: escalated
            steps:
              - id: deliver
                type: sequence
                onFailure: { action: escalate, prompt: "Delivery failed: ${{ input.order }}" }
                steps:
                  - { id: check, type: exec, command: [test, -f, "{{{flag}}}"] }
                  - { id: done, type: script, code: "'delivered'" }
            """);

        var id = await host.Client.StartAsync("escalated", new { order = "A-7" });
        var waiting = await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var question = Assert.Single(waiting.WaitingFor).Question!;
        Assert.Equal(("deliver@2", "Delivery failed: A-7"), (question.Id, question.Prompt));
        await File.WriteAllTextAsync(flag, "");
        await host.Client.AnswerAsync(id, null, "retry");

        Assert.Equal("\"delivered\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }

    [Fact]
    public async Task OnFailureOfStepsThatDoNoWork_SkipAndCompensateTheStepAsAWhole()
    {
        var log = _folder.File("undo.txt");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: whole
            steps:
              - id: book
                type: sequence
                steps:
                  - { id: hold, type: script, code: "'held'" }
                compensate:
                  - { id: unhold, type: exec, command: [sh, -c, "echo unhold ${{ steps.hold.output }} >> '{{{log}}}'"] }
              - id: optional
                type: sequence
                onFailure: { action: skip, output: none }
                steps:
                  - { id: flaky, type: script, code: "throw new Error('flaky')" }
              - id: note
                type: script
                code: "steps.optional.output"
                compensate:
                  - { id: unnote, type: exec, command: [sh, -c, "echo unnote ${{ steps.note.output }} >> '{{{log}}}'"] }
              - id: risky
                type: parallel
                onFailure: compensate
                branches:
                  - - { id: bad, type: exec, command: [sh, -c, "exit 1"] }
            """);

        var id = await host.Client.StartAsync("whole");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Equal(["unnote none", "unhold held"], await File.ReadAllLinesAsync(log));
        Assert.Contains("'sh' exited with code 1", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains((await host.Client.GetProgressAsync(id)).Steps, s => s.Name == "optional" && s.Status == StepStatus.Skipped);
    }

    [Fact]
    public async Task OnFailureParkOfASequence_ResolvedWithFail_FailsTheRunWithTheOriginalError()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: parked-block
            steps:
              - id: block
                type: sequence
                onFailure: park
                steps:
                  - { id: inner, type: script, code: "throw new Error('inner broke')" }
            """);

        var id = await host.Client.StartAsync("parked-block");
        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);
        Assert.Equal("block", Assert.Single(parked.WaitingFor).Step);
        await host.Client.ResolveAsync(id, Resolution.Fail);
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Contains("inner broke", run.Error!.Message, StringComparison.Ordinal);
    }
}
