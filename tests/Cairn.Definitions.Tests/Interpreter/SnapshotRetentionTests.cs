using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>A definition's keepSnapshots bounds the state snapshots each run keeps; its checkpoints still show from the journal.</summary>
public sealed class SnapshotRetentionTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("", 2)]
    [InlineData("keepSnapshots: 1", 1)]
    [InlineData("keepSnapshots: 0", 0)]
    public async Task Run_WithKeepSnapshots_KeepsAtMostThatManySnapshots(string setting, int expected)
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$"""
            name: counted
            {{setting}}
            steps:
              - id: each
                type: loop
                forEach: "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]"
                maxIterations: 30
                steps:
                  - id: double
                    type: script
                    code: "item * 2"
            """);

        var id = await host.Client.StartAsync("counted");
        await host.WaitForStatusAsync(id, RunStatus.Completed);

        var count = await host.Client.ThinSnapshotsAsync(new SnapshotThinning { KeepLast = 0, Workflow = "counted", DryRun = true });
        Assert.Equal(expected, count.Deleted);
        var last = (await host.Client.GetCheckpointsAsync(id)).Count;
        Assert.True(last >= 25);
        Assert.Equal("50", (await host.Client.GetCheckpointStateAsync(id, last)).Steps.Last(s => s.Name == "double").Output);
    }
}
