using System.Text;
using System.Text.Json.Nodes;
using Cairn.Definitions.Tests.Execution;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>
/// Values read from <c>env</c> never reach the store, on any path: outputs of every JSON shape, state, questions,
/// event names, failure messages and circuit-breaker keys. Each test reads the SQLite files' bytes for the value.
/// </summary>
public sealed class EnvSecretTests : IDisposable
{
    private readonly ScratchFolder _folder = new();
    private readonly string _prefix = "CAIRN_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_";
    private readonly List<string> _set = [];

    public void Dispose()
    {
        foreach (var name in _set)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        _folder.Dispose();
    }

    [Theory]
    [InlineData("{ id: boom, type: script, code: \"throw new Error('rejected key ' + ENV)\" }", "rejected key ***")]
    [InlineData("{ id: nap, type: delay, duration: \"${{ ENV }}\" }", "duration '***' is not a duration")]
    [InlineData("{ id: stop, type: fail, message: \"denied ${{ ENV }}\" }", "denied ***")]
    [InlineData("{ id: pick, type: condition, if: \"(function () { throw new Error('no branch for ' + ENV); })()\", then: [{ id: t, type: script, code: \"1\" }] }", "no branch for ***")]
    [InlineData("{ id: keep, type: set, state: { k: \"(function () { throw new Error('no value for ' + ENV); })()\" } }", "no value for ***")]
    public async Task FailingStep_WithAnEnvValueInItsError_StoresTheFailureMasked(string step, string expected)
    {
        var secret = Secret("TOKEN", "tok-" + Guid.NewGuid().ToString("N"));
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $"""
            name: leaky
            env: [{_prefix}TOKEN]
            steps:
              - {step.Replace("ENV", $"env.{_prefix}TOKEN", StringComparison.Ordinal)}
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("leaky"), RunStatus.Failed);

        Assert.Contains(expected, run.Error!.Message, StringComparison.Ordinal);
        await AssertNotStoredAsync(host, secret);
    }

    [Fact]
    public async Task HttpStep_FailingWithTheEnvValueInUrlBodyAndBreakerKey_StoresNothingOfIt()
    {
        var secret = Secret("KEY", "key-" + Guid.NewGuid().ToString("N"));
        await using var server = LoopbackServer.Start();
        server.Status = 403;
        server.ContentType = "text/plain";
        server.ResponseBody = "no access for " + secret;
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: leaky-http
            env: [{{{_prefix}}}KEY]
            steps:
              - id: call
                type: http
                url: "{{{server.Url}}}items?key=${{ env.{{{_prefix}}}KEY }}"
                circuitBreaker: { key: "api-${{ env.{{{_prefix}}}KEY }}", threshold: 5, breakFor: 1m }
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("leaky-http"), RunStatus.Failed);

        Assert.Equal(1, server.Requests);
        Assert.Contains("items?key=*** answered 403", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("no access for ***", run.Error.Message, StringComparison.Ordinal);
        await AssertNotStoredAsync(host, secret);
    }

    [Fact]
    public async Task EnvValuesInEveryShapeOfOutputStateQuestionAndEventName_AreMasked()
    {
        var secret = Secret("LONG", "long-" + Guid.NewGuid().ToString("N"));
        Secret("NUM", "73519");
        Secret("SHORT", "%~");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: leaky-shapes
            env: [{{{_prefix}}}LONG, {{{_prefix}}}NUM, {{{_prefix}}}SHORT]
            steps:
              - id: shapes
                type: script
                code: |
                  var o = {};
                  o['k-' + env.{{{_prefix}}}LONG] = Number(env.{{{_prefix}}}NUM);
                  o.short = 'a' + env.{{{_prefix}}}SHORT + 'b';
                  o.list = [Number(env.{{{_prefix}}}NUM) * 1, env.{{{_prefix}}}LONG];
                  o
              - id: remember
                type: set
                state:
                  n: "Number(env.{{{_prefix}}}NUM)"
                  s: "env.{{{_prefix}}}LONG"
              - id: pick
                type: ask
                question: "Use ${{ env.{{{_prefix}}}LONG }}?"
                kind: choice
                options:
                  - { id: yes, label: "Yes, use ${{ env.{{{_prefix}}}LONG }}" }
              - id: gate
                type: wait
                event: "go-${{ env.{{{_prefix}}}LONG }}"
              - id: after
                type: script
                code: "[state.n, state.s]"
            """);

        var id = await host.Client.StartAsync("leaky-shapes");
        var asking = await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var question = asking.WaitingFor.Single().Question!;
        await host.Client.AnswerAsync(id, "pick", "yes");
        var waiting = await host.WaitUntilAsync(id, r => r.WaitingFor.Any(w => w.Kind == WaitKind.Event), "wait for the event");
        await host.Client.SignalAsync(id, "go-***", new { ok = true });
        var done = await host.WaitForStatusAsync(id, RunStatus.Completed);

        Assert.Equal("Use ***?", question.Prompt);
        Assert.Equal("Yes, use ***", Assert.Single(question.Options!).Label);
        Assert.Equal("go-***", waiting.WaitingFor.Single().Name);
        var progress = await host.Client.GetProgressAsync(id);
        var shapes = JsonNode.Parse(progress.Steps.Single(s => s.Name == "shapes").Output!)!;
        Assert.Equal("""{"k-***":"***","short":"a***b","list":["***","***"]}""", shapes.ToJsonString());
        Assert.Equal("""["***","***"]""", done.Output);
        await AssertNotStoredAsync(host, secret, "73519", "a%~b");
    }

    private string Secret(string name, string value)
    {
        _set.Add(_prefix + name);
        Environment.SetEnvironmentVariable(_prefix + name, value);
        return value;
    }

    /// <summary>Reads every journal payload through the client, then the raw bytes of the store's files, for each text.</summary>
    private async Task AssertNotStoredAsync(DefinitionHost host, params string[] texts)
    {
        foreach (var run in await host.Client.ListRunsAsync())
        {
            var journal = await host.Client.GetJournalAsync(run.RunId);
            Assert.All(texts, text => Assert.DoesNotContain(journal, e => $"{e.Name} {e.Payload}".Contains(text, StringComparison.Ordinal)));
        }

        foreach (var file in Directory.GetFiles(_folder.Path, "cairn.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var text in texts)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"'{text}' is stored in {Path.GetFileName(file)}.");
            }
        }
    }
}
