using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn gc</c> beyond finished runs: parked runs are kept, and <c>--snapshots</c> thins state snapshots without touching journals.</summary>
public sealed class GcTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task GcSnapshots_ThinsSnapshotsAndLeavesJournalsAndCheckpointViewsAsTheyWere()
    {
        await RunAsync("run", _workspace.Write("counted.yaml", Flows.Counted), "--id", "r1");
        var journal = (await RunAsync("journal", "r1", "--all", "--json")).Stdout;
        var shows = await ShowsAsync("r1", 0, 10, 15, 25);

        var dry = (await RunAsync("gc", "--snapshots", "--keep-last", "1", "--dry-run", "--json")).Json;
        var thinned = await RunAsync("gc", "--snapshots", "--keep-last", "0", "--workflow", "counted");
        var missing = await _workspace.RunAsync("gc", "--snapshots");

        Assert.Equal((true, 1, 1), ((bool)dry["dryRun"]!, (int)dry["runs"]!, (int)dry["snapshotsDeleted"]!));
        Assert.Contains("Deleted 2 snapshots of 1 run; journals are unchanged.", thinned.Stderr, StringComparison.Ordinal);
        Assert.Equal(journal, (await RunAsync("journal", "r1", "--all", "--json")).Stdout);
        Assert.Equal(shows, await ShowsAsync("r1", 0, 10, 15, 25));
        Assert.Equal(0, (int)(await RunAsync("gc", "--snapshots", "--keep-last", "0", "--json")).Json["snapshotsDeleted"]!);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("--snapshots needs --keep-last N", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal("completed", (string?)(await RunAsync("show", "r1", "--json")).Json["status"]);
    }

    [Fact]
    public async Task Gc_NeverDeletesAParkedRun()
    {
        var parked = await _workspace.RunAsync("run", _workspace.Write("parks.yaml", """
            name: parks
            steps:
              - id: pick
                type: script
                code: "null.x"
                onFailure: park
            """), "--id", "parked-1");
        Assert.True(parked.ExitCode == 3, parked.ToString());
        var before = (await RunAsync("show", "parked-1", "--json")).Stdout;

        var dry = (await RunAsync("gc", "--dry-run", "--json")).Json;
        var gc = (await RunAsync("gc", "--json")).Json;

        Assert.Empty(dry["deleted"]!.AsArray());
        Assert.Empty(gc["deleted"]!.AsArray());
        Assert.Equal(before, (await RunAsync("show", "parked-1", "--json")).Stdout);
        Assert.Equal("parked", (string?)(await RunAsync("show", "parked-1", "--json")).Json["status"]);
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<List<string>> ShowsAsync(string runId, params int[] checkpoints)
    {
        var shows = new List<string>();
        foreach (var n in checkpoints)
        {
            shows.Add((await RunAsync("checkpoint", "show", runId, n.ToString(System.Globalization.CultureInfo.InvariantCulture))).Stdout);
        }

        return shows;
    }

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await _workspace.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
