using System.Text.Json;
using Cairn.Hosting;
using Cairn.Storage;
using Cairn.Tests.Resume;
using Cairn.Tests.Support;

namespace Cairn.Tests.Checkpoints;

/// <summary>State snapshots: taken at named checkpoints and every tenth checkpoint, used by checkpoint views, thinned without touching the journal.</summary>
public class CheckpointSnapshotTests : ResumeTestBase
{
    /// <summary>24 steps with a named checkpoint after the 5th and the 15th: 26 checkpoints.</summary>
    private const int Checkpoints = 26;

    [Fact]
    public async Task Run_StoresASnapshotAtEveryNamedCheckpointAndEveryTenthCheckpoint()
    {
        await using var host = await StartHostAsync(Long());
        var id = await RunToEndAsync(host, "long");

        var snapshots = await host.Store.ListSnapshotsAsync(id);

        Assert.Equal([6, 10, 17, 20], snapshots.Select(s => s.Checkpoint));
        var checkpoints = await host.Client.GetCheckpointsAsync(id);
        Assert.Equal(snapshots.Select(s => checkpoints[s.Checkpoint - 1].Sequence), snapshots.Select(s => s.Sequence));
        Assert.Equal(["half", "late"], checkpoints.Where(c => c.Label is not null).Select(c => c.Label));
    }

    [Fact]
    public async Task CheckpointViews_FromSnapshotsEqualTheJournalOnlyRebuildAtEveryCheckpoint()
    {
        await using var host = await StartHostAsync(Long());
        var id = await RunToEndAsync(host, "long");
        Assert.NotEmpty(await host.Store.ListSnapshotsAsync(id));

        await AssertViewsMatchJournalAsync(host, id);
        Assert.Equal(
            JsonSerializer.Serialize(CheckpointViews.Diff(await JournalOnlyAsync(host, id, 3), await JournalOnlyAsync(host, id, 23))),
            JsonSerializer.Serialize(await host.Client.DiffCheckpointsAsync(id, 3, 23)));
    }

    [Fact]
    public async Task CheckpointState_IsBuiltFromTheNearestSnapshotAtOrBeforeIt()
    {
        var store = new DoctoredSnapshots(NewStore());
        await using var host = await StartHostAsync(Long(), store);
        var id = await RunToEndAsync(host, "long");

        var state = await host.Client.GetCheckpointStateAsync(id, 12);

        Assert.Equal("\"doctored\"", state.State["marker"]);
        Assert.Equal(10, store.AskedFor.Checkpoint);
        Assert.DoesNotContain("marker", (await host.Client.GetCheckpointStateAsync(id, 5)).State.Keys);
    }

    [Fact]
    public async Task ThinSnapshots_LeavesTheJournalByteIdenticalAndTheViewsUnchanged()
    {
        await using var host = await StartHostAsync(Long());
        var id = await RunToEndAsync(host, "long");
        var journal = (await host.Client.GetJournalAsync(id)).Select(Line).ToList();
        var views = await AllViewsAsync(host, id);

        var dry = await host.Client.ThinSnapshotsAsync(new SnapshotThinning { KeepLast = 1, Workflow = "long", DryRun = true });
        Assert.Equal(4, (await host.Store.ListSnapshotsAsync(id)).Count);
        var result = await host.Client.ThinSnapshotsAsync(new SnapshotThinning { KeepLast = 1, Workflow = "long" });

        Assert.Equal(new SnapshotThinningResult(1, 3, true), dry);
        Assert.Equal(new SnapshotThinningResult(1, 3, false), result);
        Assert.Equal([20], (await host.Store.ListSnapshotsAsync(id)).Select(s => s.Checkpoint));
        Assert.Equal(journal, (await host.Client.GetJournalAsync(id)).Select(Line));
        Assert.Equal(views, await AllViewsAsync(host, id));
        Assert.Equal(new SnapshotThinningResult(0, 0, false), await host.Client.ThinSnapshotsAsync(new SnapshotThinning { KeepLast = 0, Workflow = "other" }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ThinSnapshotsAsync(new SnapshotThinning { KeepLast = -1 }));
    }

    [Fact]
    public async Task KeepSnapshots_ThinsAsTheRunGoesAndZeroTakesNone()
    {
        await using var host = await StartHostAsync(b =>
        {
            Long(new WorkflowOptions { KeepSnapshots = 2 })(b);
            b.AddWorkflow<int>("none", async ctx =>
            {
                await ctx.Checkpoint("mark");
                return await ctx.Step("one", _ => 1);
            }, options: new WorkflowOptions { KeepSnapshots = 0 });
        });
        var id = await RunToEndAsync(host, "long");
        var none = await RunToEndAsync(host, "none");

        Assert.Equal([17, 20], (await host.Store.ListSnapshotsAsync(id)).Select(s => s.Checkpoint));
        Assert.Empty(await host.Store.ListSnapshotsAsync(none));
        await AssertViewsMatchJournalAsync(host, id);
    }

    [Fact]
    public async Task LongRun_SnapshotsFurtherApartAsItGrows_SoTheirSizeStaysProportionalToTheRun()
    {
        const int steps = 2_000;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("many", async ctx =>
        {
            for (var i = 0; i < steps; i++)
            {
                await ctx.Step("s", _ => 1);
            }

            await ctx.Checkpoint("end");
            return steps;
        }));
        var id = await RunToEndAsync(host, "many");

        var snapshots = await host.Store.ListSnapshotsAsync(id);

        // Every tenth checkpoint while the run is short, then at least an eighth of the run apart: a snapshot holds
        // every step so far, so snapshotting every tenth step of 2,000 would store about 200 snapshots of 1,000 steps.
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80], snapshots.Select(s => s.Checkpoint).Take(8));
        Assert.InRange(snapshots[^1].Checkpoint, steps - (steps / 8) - 10, steps + 1);
        Assert.All(snapshots.Zip(snapshots.Skip(1)), p => Assert.True(p.Second.Checkpoint - p.First.Checkpoint >= (p.Second.Checkpoint - 1) / 8, $"{p.First.Checkpoint} → {p.Second.Checkpoint}"));
        Assert.InRange(snapshots.Count, 20, 40);
        Assert.InRange(snapshots.Sum(s => (long)s.Payload.Length), 1, 12L * steps * snapshots[^1].Payload.Length / (steps + 1));
        var journal = await host.Client.GetJournalAsync(id);
        foreach (var n in new[] { 5, 555, 1_234, steps })
        {
            Assert.Equal(JsonSerializer.Serialize(CheckpointViews.At(id, journal, n)), JsonSerializer.Serialize(await host.Client.GetCheckpointStateAsync(id, n)));
        }
    }

    [Fact]
    public void KeepSnapshots_Negative_IsAValidationError()
    {
        Assert.Equal(
            ["KeepSnapshots is -1; set it to 0 or more, or leave it unset to keep every snapshot."],
            new WorkflowOptions { KeepSnapshots = -1 }.Validate());
    }

    [Fact]
    public async Task RewoundRun_KeepsTheSnapshotsBeforeTheCheckpointAndItsViewsStillMatchTheJournal()
    {
        await using var host = await StartHostAsync(Long());
        var id = await RunToEndAsync(host, "long");

        await host.Client.ResumeAsync(id, new ResumeRequest
        {
            Strategy = ResumeStrategy.FromCheckpoint,
            Checkpoint = 12,
            SetState = new Dictionary<string, JsonElement> { ["edited"] = StepLog.Json(7) },
        });
        await FinishAsync(host, id);

        var rewound = (await host.Client.GetJournalAsync(id)).First(e => e.Kind == Journal.JournalEntryKind.RunRewound).Sequence;
        var snapshots = await host.Store.ListSnapshotsAsync(id);
        Assert.Contains(snapshots, s => s.Checkpoint == 10);
        Assert.Contains(snapshots, s => s.Sequence > rewound);
        await AssertViewsMatchJournalAsync(host, id);
        Assert.Equal("7", (await host.Client.GetCheckpointStateAsync(id, (await host.Client.GetCheckpointsAsync(id)).Count)).State["edited"]);
    }

    private static Action<CairnBuilder> Long(WorkflowOptions? options = null) => b => b.AddWorkflow<int>("long", async ctx =>
    {
        var total = 0;
        for (var i = 1; i <= 24; i++)
        {
            var n = i;
            total += await ctx.Step("s" + n, _ => n);
            await ctx.State.Set("total", total);
            if (n is 5 or 15)
            {
                await ctx.Checkpoint(n == 5 ? "half" : "late", new { total });
            }
        }

        return total;
    }, options: options);

    private static async Task<CheckpointState> JournalOnlyAsync(TestHost host, string id, int number) =>
        CheckpointViews.At(id, await host.Client.GetJournalAsync(id), number);

    private static async Task<List<string>> AllViewsAsync(TestHost host, string id)
    {
        var views = new List<string>();
        for (var n = 0; n <= (await host.Client.GetCheckpointsAsync(id)).Count; n++)
        {
            views.Add(JsonSerializer.Serialize(await host.Client.GetCheckpointStateAsync(id, n)));
        }

        return views;
    }

    private static async Task AssertViewsMatchJournalAsync(TestHost host, string id)
    {
        var views = await AllViewsAsync(host, id);
        Assert.True(views.Count > Checkpoints);
        for (var n = 0; n < views.Count; n++)
        {
            Assert.Equal(JsonSerializer.Serialize(await JournalOnlyAsync(host, id, n)), views[n]);
        }
    }

    /// <summary>Returns every snapshot it is asked for with an extra state key, to show which views read one.</summary>
    private sealed class DoctoredSnapshots(IWorkflowStore inner) : DelegatingStore(inner)
    {
        public StateSnapshot AskedFor { get; private set; } = null!;

        public override async ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default)
        {
            if (await base.ReadSnapshotAsync(runId, atOrBefore, cancellationToken) is not { } snapshot)
            {
                return null;
            }

            AskedFor = snapshot;
            return snapshot with { Payload = snapshot.Payload.Replace("\"state\":{", "\"state\":{\"marker\":\"\\\"doctored\\\"\",", StringComparison.Ordinal) };
        }
    }
}
