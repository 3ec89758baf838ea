using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Progress of a definition run: its total is known before the run ends, and steps show by their names.</summary>
public sealed class ProgressDisplayTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task RunWaitingMidway_ShowsTotalPercentAndStepNames()
    {
        var file = _workspace.Write("halfway.yaml", """
            name: halfway
            steps:
              - { id: fetch, name: Fetch the orders, type: script, code: "1" }
              - { id: sum, type: script, code: "2" }
              - { id: approve, type: ask, question: "Go on?", kind: approval }
              - { id: ship, name: Ship them, type: script, code: "3" }
              - { id: bill, type: script, code: "4" }
            """);

        var run = await _workspace.RunAsync("run", file, "--id", "half-1");
        var json = (await _workspace.RunAsync("show", "half-1", "--json")).Json;
        var text = await _workspace.RunAsync("show", "half-1");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Matches(@"\[[12]/4 +(25|50)%\] Fetch the orders completed", run.Stdout);
        Assert.Contains("[2/4    50%] sum completed", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("""{"done":2,"total":4,"percent":50}""", json["progress"]!.ToJsonString());
        Assert.Equal(["Fetch the orders", null], json["steps"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Contains("progress  2/4 steps (50%)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fetch the orders", text.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
