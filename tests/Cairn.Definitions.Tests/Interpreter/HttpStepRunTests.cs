using System.Text.Json.Nodes;
using Cairn.Definitions.Tests.Execution;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary><c>type: http</c> as a definition step, against a real server on a loopback port that counts requests.</summary>
public sealed class HttpStepRunTests : IAsyncDisposable
{
    private readonly ScratchFolder _folder = new();
    private readonly LoopbackServer _server = LoopbackServer.Start();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task HttpStep_Answered_GivesStatusHeadersAndParsedBodyToLaterSteps()
    {
        _server.ResponseBody = """{"stock": 12}""";
        _server.ResponseHeaders["X-Warehouse"] = "north";
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: fetch
            steps:
              - id: call
                type: http
                method: POST
                url: "{{{_server.Url}}}items/${{ input.item }}"
                headers: { X-Order: "${{ input.order }}" }
                body: { quantity: "${{ input.quantity }}" }
                expectStatus: [200]
              - id: use
                type: script
                code: "steps.call.output.status + ':' + steps.call.output.body.stock + ':' + steps.call.output.headers['x-warehouse']"
            """);

        var id = await host.Client.StartAsync("fetch", new { item = "bolt", order = "o-7", quantity = 3 });
        var run = await host.WaitForStatusAsync(id, RunStatus.Completed);

        Assert.Equal("\"200:12:north\"", run.Output);
        Assert.Equal(("POST", "/items/bolt", "o-7"), (_server.Last!.Method, _server.Last.Path, _server.Last.Headers["X-Order"]));
        Assert.Equal(3, JsonNode.Parse(_server.Last.Body)!["quantity"]!.GetValue<int>());
        Assert.Equal(1, _server.Requests);
    }

    [Theory]
    [InlineData(500, "", "answered 500, expected any 2xx: out of stock")]
    [InlineData(200, "expectStatus: [201]", "answered 200, expected 201: out of stock")]
    public async Task HttpStep_AnsweredWithAStatusNotExpected_FailsTheRunWithStatusAndBody(int status, string expect, string message)
    {
        _server.Status = status;
        _server.ContentType = "text/plain";
        _server.ResponseBody = "out of stock";
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: refused
            steps:
              - id: call
                type: http
                url: "{{{_server.Url}}}items"
                {{{expect}}}
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("refused"), RunStatus.Failed);

        Assert.Contains($"GET {_server.Url}items {message}", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(HttpStepException).FullName!, run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, Assert.Single((await host.Client.GetProgressAsync(run.RunId)).Steps).Status);
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task HttpStep_CompletedBeforeARestart_IsReplayedFromTheJournalWithoutSendingAgain()
    {
        _server.ResponseBody = """{"token": "t-1"}""";
        var yaml = $$$"""
            name: replayed
            steps:
              - id: call
                type: http
                method: POST
                url: "{{{_server.Url}}}reserve"
              - id: gate
                type: wait
                event: go
              - id: use
                type: script
                code: "steps.call.output.body.token + '/' + steps.gate.output.n"
            """;
        string id;
        await using (var first = await DefinitionHost.StartAsync(_folder.Path))
        {
            await first.RegisterAsync(_folder.Path, yaml);
            id = await first.Client.StartAsync("replayed");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        _server.ResponseBody = """{"token": "t-2"}""";
        await using var second = await DefinitionHost.StartAsync(_folder.Path);
        await second.Client.SignalAsync(id, "go", new { n = 5 });

        Assert.Equal("\"t-1/5\"", (await second.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        Assert.Equal(1, _server.Requests);
    }
}
