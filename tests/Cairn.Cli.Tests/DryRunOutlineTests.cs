using Cairn.Cli.Tests.Support;
using Cairn.Definitions.Tests.Execution;

namespace Cairn.Cli.Tests;

/// <summary>
/// <c>cairn resume --dry-run</c> on a definition run lists the steps the run never reached after the recorded ones
/// that run again (those a condition not decided yet may skip marked so), and names every step with outside effects,
/// http steps included: and the steps it lists are the steps that then run.
/// </summary>
public sealed class DryRunOutlineTests : IAsyncDisposable
{
    private readonly CliWorkspace _workspace = new();
    private readonly LoopbackServer _server = LoopbackServer.Start();

    [Fact]
    public async Task FromStep_OnARunThatFailedHalfway_ListsTheStepsNotReachedAndTheyAreTheStepsThatRun()
    {
        await FailHalfwayAsync();

        var text = await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "s2", "--dry-run");
        var dry = (await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "s2", "--dry-run", "--json")).Json;
        _workspace.Write("ok", string.Empty);
        var applied = await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "s2", "--json");

        Assert.Equal(
            """
            Would from-step run h1: Keeps everything before the first occurrence of step 's2' and runs again from there.
              archived        3 journal entries as branch 1 (cairn journal h1 --all)
              kept            s1 [1]
              runs again      s2 [2, side-effecting]
              then runs       s3 [script], s4 [exec, side-effecting, may run], s5 [script, may run], fetch [http, side-effecting]
              outside effects s2 [2, side-effecting]

            """,
            text.Stdout);
        Assert.Equal(["s2"], JsonLists.Ids(dry["rerun"]));
        Assert.Equal(["s3", "s4", "s5", "fetch"], JsonLists.Ids(dry["notReached"]));
        Assert.Equal([false, true, true, false], dry["notReached"]!.AsArray().Select(s => (bool)s!["mayRun"]!));
        Assert.Equal([false, true, false, true], dry["notReached"]!.AsArray().Select(s => (bool)s!["sideEffecting"]!));
        Assert.Equal("completed", (string?)applied.Json["status"]);

        // s3 gives 2, so the condition takes its then branch: s4 is the one of the two that may run that does.
        var ran = JsonLists.CompletedAfterLastRewind((await _workspace.RunOkAsync("journal", "h1", "--json")).Json.AsArray());
        Assert.Equal(["s2", "s3", "s4", "fetch"], ran);
        Assert.Equal(JsonLists.Ids(dry["rerun"]).Concat(JsonLists.Ids(dry["notReached"]).Where(id => id != "s5")), ran);
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task Restart_OfARunThatFailedHalfway_RunsAgainWhatItRecordedThenWhatItNeverReached()
    {
        await FailHalfwayAsync();

        var dry = (await _workspace.RunOkAsync("resume", "h1", "--strategy", "restart", "--dry-run", "--json")).Json;
        _workspace.Write("ok", string.Empty);
        await _workspace.RunOkAsync("resume", "h1", "--strategy", "restart", "--new-id", "h2", "--json");

        Assert.Equal(["s1", "s2"], JsonLists.Ids(dry["rerun"]));
        Assert.Equal(["s3", "s4", "s5", "fetch"], JsonLists.Ids(dry["notReached"]));
        Assert.Equal(["s1", "s2", "s3", "s4", "fetch"], JsonLists.CompletedAfterLastRewind((await _workspace.RunOkAsync("journal", "h2", "--json")).Json.AsArray()));
    }

    [Fact]
    public async Task HttpStep_ThatRunsAgain_IsListedWithOutsideEffects()
    {
        await FailHalfwayAsync();
        _workspace.Write("ok", string.Empty);
        await _workspace.RunOkAsync("resume", "h1", "--json");
        Assert.Equal(1, _server.Requests);

        var text = await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "fetch", "--dry-run");
        var dry = (await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "fetch", "--dry-run", "--json")).Json;
        await _workspace.RunOkAsync("resume", "h1", "--strategy", "from-step", "--step", "fetch", "--json");

        Assert.Contains("runs again      fetch [5, side-effecting]", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("outside effects fetch [5, side-effecting]", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("then runs", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(["fetch"], JsonLists.Ids(dry["outsideEffects"]));
        Assert.True((bool)dry["outsideEffects"]![0]!["sideEffecting"]!);
        Assert.Empty(dry["notReached"]!.AsArray());
        Assert.Equal(["fetch"], JsonLists.CompletedAfterLastRewind((await _workspace.RunOkAsync("journal", "h1", "--json")).Json.AsArray()));
        Assert.Equal(2, _server.Requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    /// <summary>Runs a definition whose step s2 fails until the file <c>ok</c> exists; the steps after it, an http step last, are never reached.</summary>
    private async Task FailHalfwayAsync()
    {
        var ok = _workspace.File("ok");
        var file = _workspace.Write("halfway.yaml", $$"""
            name: halfway
            steps:
              - id: s1
                type: exec
                command: [echo, one]
              - id: s2
                type: exec
                command: [test, -e, "{{ok}}"]
              - id: s3
                type: script
                code: "2"
              - id: pick
                type: condition
                if: "steps.s3.output > 1"
                then:
                  - id: s4
                    type: exec
                    command: [echo, four]
                else:
                  - id: s5
                    type: script
                    code: "5"
              - id: fetch
                type: http
                url: "{{_server.Url}}orders"
            """);
        var failed = await _workspace.RunAsync("run", file, "--id", "h1");
        Assert.True(failed.ExitCode == 1, failed.ToString());
    }
}
