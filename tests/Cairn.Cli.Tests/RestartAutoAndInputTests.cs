using Cairn.Cli.Tests.Support;
using Cairn.Definitions.Tests.Execution;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn resume --strategy restart</c> and <c>auto</c>, and <c>--input</c>: the new run, its lineage, the reason auto gives, the journaled edit.</summary>
public sealed class RestartAutoAndInputTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Restart_CreatesARunLinkedToTheOldOne_AndShowListsTheLineageBothWays()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await _workspace.RunOkAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "r1");

        var restart = await _workspace.RunOkAsync("resume", "r1", "--strategy", "restart", "--new-id", "r2", "--json");

        Assert.Equal(("r2", "completed"), ((string?)restart.Json["runId"], (string?)restart.Json["status"]));
        Assert.Contains("restart run r1: Creates run 'r2' with the same input, linked to this one; everything runs again.", restart.Stderr, StringComparison.Ordinal);
        var old = (await _workspace.RunOkAsync("show", "r1", "--json")).Json;
        var created = (await _workspace.RunOkAsync("show", "r2", "--json")).Json;
        Assert.Equal("hello Ada", (string?)created["output"]);
        Assert.Equal(("r1", "restart", null), ((string?)created["origin"]!["runId"], (string?)created["origin"]!["strategy"], (int?)created["origin"]!["checkpoint"]));
        Assert.Equal(["r2"], old["derived"]!.AsArray().Select(d => (string?)d!["runId"]));
        Assert.Null(old["origin"]);
        Assert.Empty(created["derived"]!.AsArray());

        Assert.EndsWith(
            """

              lineage
                this      r1
                derived   r2 (restart of r1), completed

            """,
            (await _workspace.RunOkAsync("show", "r1")).Stdout,
            StringComparison.Ordinal);
        Assert.EndsWith(
            """

              lineage
                from      r1, completed
                this      r2 (restart of r1)

            """,
            (await _workspace.RunOkAsync("show", "r2")).Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_OnATransientHttpFailure_ChoosesRetryFailedAndSaysWhy()
    {
        await using var server = LoopbackServer.Start();
        server.FirstStatuses.Enqueue(503);
        var file = _workspace.Write("fetch.yaml", $$"""
            name: fetch
            steps:
              - id: first
                type: script
                code: "1"
              - id: fetch
                type: http
                url: "{{server.Url}}orders"
            """);
        var failed = await _workspace.RunAsync("run", file, "--id", "a1");
        Assert.True(failed.ExitCode == 1, failed.ToString());

        var dry = await _workspace.RunOkAsync("resume", "a1", "--strategy", "auto", "--dry-run");
        var applied = await _workspace.RunOkAsync("resume", "a1", "--strategy", "auto", "--json");

        Assert.StartsWith("Would retry-failed run a1: Chose retry-failed: step 'fetch' at position 2 failed with HTTP 503, which may pass by itself.", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("runs again      fetch [2, side-effecting]", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("retry-failed run a1: Chose retry-failed: step 'fetch' at position 2 failed with HTTP 503", applied.Stderr, StringComparison.Ordinal);
        Assert.Equal("completed", (string?)applied.Json["status"]);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Auto_WhenNothingCompleted_ChoosesRestartAndSaysWhy()
    {
        var file = _workspace.Write("first.yaml", """
            name: first-fails
            steps:
              - id: broken
                type: exec
                command: [sh, -c, "test -e ok"]
              - id: after
                type: script
                code: "'after'"
            """);
        var failed = await _workspace.RunAsync("run", file, "--id", "n1");
        Assert.True(failed.ExitCode == 1, failed.ToString());
        _workspace.Write("ok", string.Empty);

        var dry = await _workspace.RunOkAsync("resume", "n1", "--strategy", "auto", "--dry-run", "--json");
        var applied = await _workspace.RunOkAsync("resume", "n1", "--strategy", "auto", "--new-id", "n2", "--json");

        Assert.Equal("restart", (string?)dry.Json["strategy"]);
        Assert.StartsWith("Chose restart: nothing completed before the run stopped.", (string?)dry.Json["reason"], StringComparison.Ordinal);
        Assert.Contains("restart run n1: Chose restart: nothing completed before the run stopped.", applied.Stderr, StringComparison.Ordinal);
        Assert.Equal(("n2", "completed"), ((string?)applied.Json["runId"], (string?)applied.Json["status"]));
        Assert.Equal("restart", (string?)(await _workspace.RunOkAsync("show", "n2", "--json")).Json["origin"]!["strategy"]);
    }

    [Fact]
    public async Task Input_IsJournaledAsAnEditAndTheStepsThatRunAgainSeeIt()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        await _workspace.RunOkAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "i1");

        var dry = await _workspace.RunOkAsync("resume", "i1", "--strategy", "from-checkpoint", "--checkpoint", "1", "--input", """{"name": "Bob"}""", "--dry-run");
        var resumed = await _workspace.RunOkAsync("resume", "i1", "--strategy", "from-checkpoint", "--checkpoint", "1", "--input", """{"name": "Bob"}""", "--json");

        Assert.Contains("""edit            input: {"name":"Ada"} -> {"name": "Bob"}""", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal("completed", (string?)resumed.Json["status"]);
        var show = (await _workspace.RunOkAsync("show", "i1", "--json")).Json;
        Assert.Equal("hello Bob", (string?)show["output"]);
        var journal = (await _workspace.RunOkAsync("journal", "i1", "--json")).Json.AsArray();
        var edit = Assert.Single(journal, e => (string?)e!["kind"] == "inputEdited")!;
        Assert.Equal(("Ada", "Bob"), ((string?)edit["payload"]!["old"]!["name"], (string?)edit["payload"]!["new"]!["name"]));
        var kinds = journal.Select(e => (string?)e!["kind"]).ToList();
        Assert.True(kinds.IndexOf("runRewound") < kinds.IndexOf("inputEdited"), string.Join(", ", kinds));
        Assert.Equal(["greeting"], JsonLists.CompletedAfterLastRewind(journal));
    }

    public void Dispose() => _workspace.Dispose();
}
