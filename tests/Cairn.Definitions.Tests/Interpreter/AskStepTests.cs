using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary><c>ask</c> steps: answers given through the client, and questions and option labels rendered before they are asked.</summary>
public sealed class AskStepTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AskSteps_RenderQuestionAndOptionLabels_AndWaitForAnswersGivenThroughTheClient()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: approve
            steps:
              - id: size
                type: ask
                question: "Which size for ${{ input.customer }}?"
                kind: choice
                options:
                  - { id: s, label: "Small (${{ input.prices.s }} EUR)" }
                  - { id: l, label: "Large for ${{ input.customer }}" }
              - id: ok
                type: ask
                question: "Ship size ${{ steps.size.output }}?"
                kind: approval
              - id: done
                type: script
                code: "steps.ok.output ? 'shipping ' + steps.size.output : 'stopped'"
            """);

        var id = await host.Client.StartAsync("approve", new { customer = "Ada", prices = new { s = 5 } });
        var waiting = await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var question = waiting.WaitingFor.Single().Question!;
        Assert.Equal("Which size for Ada?", question.Prompt);
        Assert.Equal(["s: Small (5 EUR)", "l: Large for Ada"], question.Options!.Select(o => $"{o.Id}: {o.Label}"));
        await host.Client.AnswerAsync(id, "size", "l");
        await host.WaitUntilAsync(id, r => r.WaitingFor.Any(w => w.Name == "question:ok"), "ask 'ok'");
        await host.Client.AnswerAsync(id, "ok", true);

        Assert.Equal("\"shipping l\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }
}
