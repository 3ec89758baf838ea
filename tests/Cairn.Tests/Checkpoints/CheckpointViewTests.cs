using System.Text.Json;
using Cairn.Tests.Resume;
using Cairn.Tests.Support;

namespace Cairn.Tests.Checkpoints;

public class CheckpointViewTests : ResumeTestBase
{
    [Fact]
    public async Task Checkpoints_ListStepsAndNamedCheckpointsWithLabelAndMetadata()
    {
        await using var host = await StartHostAsync(Staged);
        var id = await RunToEndAsync(host, "staged");

        var checkpoints = await host.Client.GetCheckpointsAsync(id);

        Assert.Equal(
            [(1, "1", "fetch", null, null), (2, "3", null, "fetched", """{"rows":2}"""), (3, "4", "clean", null, null)],
            checkpoints.Select(c => (c.Number, c.Position, c.StepName, c.Label, c.Metadata)));
    }

    [Fact]
    public async Task CheckpointState_IsTheStateAndOutputsAtThatCheckpoint()
    {
        await using var host = await StartHostAsync(Staged);
        var id = await RunToEndAsync(host, "staged");

        var start = await host.Client.GetCheckpointStateAsync(id, 0);
        var second = await host.Client.GetCheckpointStateAsync(id, 2);
        var last = await host.Client.GetCheckpointStateAsync(id, 3);

        Assert.Empty(start.State);
        Assert.Empty(start.Steps);
        Assert.Equal("fetched", second.Checkpoint?.Label);
        Assert.Equal(new Dictionary<string, string?> { ["rows"] = "2" }, second.State);
        Assert.Equal([new CheckpointStep("1", "fetch", StepStatus.Completed, "[3,4]")], second.Steps);
        Assert.Equal(new Dictionary<string, string?> { ["rows"] = "2" }, last.State);
        Assert.Equal(["fetch", "clean"], last.Steps.Select(s => s.Name));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.GetCheckpointStateAsync(id, 4));
    }

    [Fact]
    public async Task CheckpointDiff_ListsChangedStateAndTheStepsInBetween()
    {
        await using var host = await StartHostAsync(Staged);
        var id = await RunToEndAsync(host, "staged");

        var diff = await host.Client.DiffCheckpointsAsync(id, 1, 3);

        Assert.Equal([new StateDifference("rows", null, "2")], diff.State);
        Assert.Equal([new CheckpointStep("4", "clean", StepStatus.Completed, "[6,8]")], diff.Steps);
    }

    [Fact]
    public async Task CheckpointState_AfterAStateEdit_ShowsTheEditedValue()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        await host.Client.ResumeAsync(id, new ResumeRequest
        {
            Strategy = ResumeStrategy.FromCheckpoint,
            Checkpoint = 2,
            SetState = new Dictionary<string, JsonElement> { ["factor"] = StepLog.Json(10) },
        });
        await FinishAsync(host, id);

        var state = await host.Client.GetCheckpointStateAsync(id, 3);

        Assert.Equal("10", state.State["factor"]);
        Assert.Equal("40", state.Steps.Single(s => s.Name == "c").Output);
    }

    private void Staged(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<int[]>("staged", async ctx =>
    {
        var rows = await ctx.Step("fetch", Log.Body("fetch", () => new[] { 3, 4 }));
        await ctx.State.Set("rows", rows.Length);
        await ctx.Checkpoint("fetched", new { rows = rows.Length });
        var clean = await ctx.Step("clean", Log.Body("clean", () => rows.Select(r => r * 2).ToArray()));
        await ctx.State.Set("stage", "clean");
        return clean;
    });
}
