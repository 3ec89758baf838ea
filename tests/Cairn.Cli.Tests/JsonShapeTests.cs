using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>The <c>--json</c> documents have the documented shapes, with inputs and outputs embedded as JSON values.</summary>
public sealed class JsonShapeTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task RunAndShow_Json_HaveTheDocumentedShapes()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var run = await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "greet-1", "--json");
        var show = await _workspace.RunAsync("show", "greet-1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var started = run.Json.AsObject();
        Assert.Equal(["runId", "status"], started.Select(p => p.Key));
        Assert.Equal("greet-1", (string?)started["runId"]);
        Assert.Equal("completed", (string?)started["status"]);

        Assert.True(show.ExitCode == 0, show.ToString());
        var doc = show.Json.AsObject();
        Assert.Equal(["runId", "workflow", "version", "status", "input", "output", "error", "progress", "steps", "waitingFor", "origin", "derived"], doc.Select(p => p.Key));
        Assert.Equal("greet", (string?)doc["workflow"]);
        Assert.Equal(1, (int)doc["version"]!);
        Assert.Equal("completed", (string?)doc["status"]);
        Assert.Equal("Ada", (string?)doc["input"]!["name"]);
        Assert.Equal("hello Ada", (string?)doc["output"]);
        Assert.Null(doc["error"]);
        Assert.Empty(doc["waitingFor"]!.AsArray());
        Assert.Null(doc["origin"]);
        Assert.Empty(doc["derived"]!.AsArray());

        var progress = doc["progress"]!.AsObject();
        Assert.Equal(["done", "total", "percent"], progress.Select(p => p.Key));
        Assert.Equal(2, (int)progress["done"]!);
        Assert.Equal(2, (int)progress["total"]!);
        Assert.Equal(100, (double)progress["percent"]!);

        var steps = doc["steps"]!.AsArray();
        Assert.Equal(["hostname", "greeting"], steps.Select(s => (string?)s!["id"]));
        foreach (var step in steps)
        {
            Assert.Equal(["position", "id", "name", "status", "attempts", "startedAt", "endedAt", "durationMs", "output"], step!.AsObject().Select(p => p.Key));
            Assert.Null((string?)step["name"]);
            Assert.Equal("completed", (string?)step["status"]);
            Assert.Equal(1, (int)step["attempts"]!);
            Assert.True((long)step["durationMs"]! >= 0);
            Assert.True(DateTimeOffset.Parse((string)step["endedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse((string)step["startedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(0, (int)steps[0]!["output"]!["exitCode"]!);
        Assert.Equal("world", ((string?)steps[0]!["output"]!["stdout"])!.Trim());
        Assert.Equal("hello Ada", (string?)steps[1]!["output"]);
    }

    [Fact]
    public async Task Listings_Json_HaveTheDocumentedShapes()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "greet-1");
        await _workspace.RunAsync("run", file, "--input", """{"name": "Grace"}""", "--id", "greet-2");

        var runs = (await _workspace.RunAsync("runs", "--json")).Json.AsArray();
        var filtered = (await _workspace.RunAsync("runs", "--status", "failed", "--json")).Json.AsArray();
        var journal = (await _workspace.RunAsync("journal", "greet-1", "--json")).Json.AsArray();
        var checkpoints = (await _workspace.RunAsync("checkpoints", "greet-1", "--json")).Json.AsArray();
        var definitions = (await _workspace.RunAsync("definitions", "--json")).Json.AsArray();

        Assert.Equal(["greet-2", "greet-1"], runs.Select(r => (string?)r!["runId"]));
        Assert.Equal(["runId", "workflow", "version", "status", "createdAt", "updatedAt", "parentRunId"], runs[0]!.AsObject().Select(p => p.Key));
        Assert.Empty(filtered);

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => (long)e!["sequence"]!));
        Assert.Equal(["sequence", "kind", "position", "name", "attempt", "at", "startedAt", "payload"], journal[0]!.AsObject().Select(p => p.Key));
        var completed = journal.Where(e => (string?)e!["kind"] == "stepCompleted").ToList();
        Assert.Equal(["hostname", "greeting"], completed.Select(e => (string?)e!["name"]));
        Assert.Equal("hello Ada", (string?)completed[1]!["payload"]);
        Assert.Equal("runCompleted", (string?)journal[^1]!["kind"]);

        Assert.Equal(["hostname", "greeting"], checkpoints.Select(c => (string?)c!["stepId"]));
        Assert.Equal(["number", "position", "stepId", "at", "label", "metadata"], checkpoints[0]!.AsObject().Select(p => p.Key));
        Assert.Equal([1, 2], checkpoints.Select(c => (int)c!["number"]!));

        var definition = Assert.Single(definitions)!;
        Assert.Equal(["name", "version", "hash", "file", "createdAt"], definition.AsObject().Select(p => p.Key));
        Assert.Equal("greet", (string?)definition["name"]);
        Assert.Equal(1, (int)definition["version"]!);
    }

    [Fact]
    public async Task Run_ChangedDefinition_RegistersTheNextVersion()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""");
        _workspace.Write("greet.yaml", Flows.Greet.Replace("'hello '", "'hi '", StringComparison.Ordinal));

        var second = await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "greet-v2", "--json");
        var show = (await _workspace.RunAsync("show", "greet-v2", "--json")).Json;
        var definitions = (await _workspace.RunAsync("definitions", "--json")).Json.AsArray();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(2, (int)show["version"]!);
        Assert.Equal("hi Ada", (string?)show["output"]);
        Assert.Equal([1, 2], definitions.Select(d => (int)d!["version"]!));
    }

    [Fact]
    public async Task Detach_Json_IsPendingUntilAWorkerExecutesIt()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var detached = await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--detach", "--json");
        var runId = (string?)detached.Json["runId"];
        var worker = await _workspace.RunAsync("worker", "--until-idle");
        var show = (await _workspace.RunAsync("show", runId!, "--json")).Json;

        Assert.True(detached.ExitCode == 0, detached.ToString());
        Assert.Equal("pending", (string?)detached.Json["status"]);
        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Contains($"{runId} greet v1 completed", worker.Stdout, StringComparison.Ordinal);
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal("hello Ada", (string?)show["output"]);
    }

    [Fact]
    public async Task EmptyStore_Listings_AreEmptyArrays()
    {
        var runs = await _workspace.RunAsync("runs", "--json");
        var definitions = await _workspace.RunAsync("definitions", "--json");

        Assert.True(runs.ExitCode == 0, runs.ToString());
        Assert.Empty(runs.Json.AsArray());
        Assert.Empty(definitions.Json.AsArray());
    }

    public void Dispose() => _workspace.Dispose();
}
