using Cairn.Storage;
using Cairn.Tests.Resume;
using Cairn.Tests.Support;

namespace Cairn.Tests.Retention;

public class PurgeTests : ResumeTestBase
{
    [Fact]
    public async Task Purge_DeletesFinishedRunsAndNeverTouchesALiveOne()
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b =>
        {
            Workflows(b);
            b.AddWorkflow<int>("wait", ctx => ctx.WaitForEvent<int>("go"));
            b.AddWorkflow<int>("busy", ctx => ctx.Step("slow", async _ =>
            {
                inside.TrySetResult();
                await release.Task;
                return 1;
            }));
            b.AddWorkflow<int>("parent", ctx => ctx.RunChild<int>("wait"));
        });
        var completed = await RunToEndAsync(host, "chain", 1);
        Log.Fail("a");
        var failed = await RunToEndAsync(host, "chain", 1);
        var suspended = await host.Client.StartAsync("wait");
        await host.WaitForStatusAsync(suspended, RunStatus.Suspended);
        var paused = await host.Client.StartAsync("wait");
        await host.WaitForStatusAsync(paused, RunStatus.Suspended);
        await host.Client.PauseAsync(paused);
        var running = await host.Client.StartAsync("busy");
        await inside.Task;
        var parent = await host.Client.StartAsync("parent");
        await host.WaitForStatusAsync(parent, RunStatus.Suspended);
        await host.WaitForStatusAsync(parent + "/1", RunStatus.Suspended);
        await host.Client.CancelAsync(parent);
        var live = new[] { suspended, paused, running, parent, parent + "/1" };
        var before = new List<string>();
        foreach (var id in live)
        {
            before.Add(await SnapshotAsync(host, id));
        }

        var dry = await host.Client.PurgeAsync(new PurgeRequest { DryRun = true });
        var result = await host.Client.PurgeAsync(new PurgeRequest());

        Assert.Equal([completed, failed], dry.Deleted);
        Assert.Equal(dry, result with { DryRun = true, Deleted = dry.Deleted, Spared = dry.Spared });
        Assert.Equal([completed, failed], result.Deleted);
        Assert.Equal([new PurgeSpared(parent, DeleteRunOutcome.ChildActive)], result.Spared);
        await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.GetRunAsync(completed));
        var after = new List<string>();
        foreach (var id in live)
        {
            after.Add(await SnapshotAsync(host, id));
        }

        Assert.Equal(before, after);
        release.SetResult();
        Assert.Equal(1, await host.Client.WaitForOutputAsync<int>(running));
    }

    [Fact]
    public async Task Purge_KeepLastOlderThanAndStatus_ChooseWhichFinishedRunsGo()
    {
        var time = new ManualTimeProvider();
        await using var host = await StartHostAsync(Workflows, time: time);
        var runs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await RunToEndAsync(host, "chain", i));
            time.Advance(TimeSpan.FromHours(1));
        }

        Log.Fail("a");
        var failed = await RunToEndAsync(host, "chain", 9);

        var keepTwo = await host.Client.PurgeAsync(new PurgeRequest { KeepLast = 2, DryRun = true });
        var oldOnes = await host.Client.PurgeAsync(new PurgeRequest { OlderThan = TimeSpan.FromMinutes(150), DryRun = true });
        var failedOnly = await host.Client.PurgeAsync(new PurgeRequest { Status = RunStatus.Failed, DryRun = true });
        var both = await host.Client.PurgeAsync(new PurgeRequest { KeepLast = 1, OlderThan = TimeSpan.FromMinutes(150), Status = RunStatus.Completed });

        Assert.Equal(runs.Take(3), keepTwo.Deleted);
        Assert.Equal(runs.Take(2), oldOnes.Deleted);
        Assert.Equal([failed], failedOnly.Deleted);
        Assert.Equal(runs.Take(2), both.Deleted);
        Assert.Equal(RunStatus.Failed, (await host.Client.GetRunAsync(failed)).Status);
    }

    [Fact]
    public async Task Purge_OfAnUnfinishedStatus_IsRefused()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.PurgeAsync(new PurgeRequest { Status = RunStatus.Suspended }));

        Assert.StartsWith("Only finished runs can be deleted; status 'suspended' is not finished.", error.Message, StringComparison.Ordinal);
    }
}
