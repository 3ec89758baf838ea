using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>A definition run reports how many steps it will show, corrected as conditions, <c>if</c>s and loops resolve.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Progress_OfARunWaitingMidway_CountsTheStepsStillToComeInItsTotal()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: halfway
            steps:
              - { id: a, type: script, code: "1" }
              - { id: b, type: script, code: "2" }
              - { id: approve, type: ask, question: "Go on?", kind: approval }
              - { id: c, type: script, code: "3" }
              - { id: d, type: script, code: "4" }
            """);

        var (waiting, done) = await ProgressAskingThenDoneAsync(host, "halfway");

        Assert.Equal((2, 4, 50.0), (waiting.Done, waiting.Total, waiting.Percent));
        Assert.Equal((4, 4, 100.0), (done.Done, done.Total, done.Percent));
    }

    [Fact]
    public async Task Progress_TotalFollowsTheBranchTakenTheLoopsLengthAndSkippedSteps()
    {
        // Expected at first: a, the larger branch (3), one iteration (1), the sequence (2), last = 8; then the small
        // branch (-2), four iterations (+3) and the skipped sequence shown as one skipped step (-1) give 8.
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: shifting
            steps:
              - { id: a, type: script, code: "1" }
              - id: pick
                type: condition
                if: "input.big"
                then:
                  - { id: x1, type: script, code: "1" }
                  - { id: x2, type: script, code: "2" }
                  - { id: x3, type: script, code: "3" }
                else:
                  - { id: y1, type: script, code: "1" }
              - id: each
                type: loop
                forEach: "input.items"
                maxIterations: 10
                steps:
                  - { id: z, type: script, code: "item" }
              - id: never
                type: sequence
                if: "false"
                steps:
                  - { id: s1, type: script, code: "1" }
                  - { id: s2, type: script, code: "2" }
              - { id: approve, type: ask, question: "Go on?", kind: approval }
              - { id: last, type: script, code: "'done'" }
            """);

        var (waiting, done) = await ProgressAskingThenDoneAsync(host, "shifting", new { big = false, items = new[] { 1, 2, 3, 4 } });

        Assert.Equal((7, 8), (waiting.Done, waiting.Total));
        Assert.Equal((8, 8), (done.Done, done.Total));
    }

    /// <summary>Starts the run, reads its progress while it asks 'approve', approves, and reads it again once completed.</summary>
    private static async Task<(RunProgress Waiting, RunProgress Done)> ProgressAskingThenDoneAsync(DefinitionHost host, string workflow, object? input = null)
    {
        var id = await host.Client.StartAsync(workflow, input);
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var waiting = await host.Client.GetProgressAsync(id);
        await host.Client.AnswerAsync(id, "approve", true);
        await host.WaitForStatusAsync(id, RunStatus.Completed);
        return (waiting, await host.Client.GetProgressAsync(id));
    }
}
