using Cairn.Memory;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Hosting;

public sealed class RecoveryTests
{
    [Fact]
    public async Task HostStart_RunLeftRunningByADeadProcess_IsResumedAtOnce()
    {
        var store = new InMemoryWorkflowStore();
        var ran = new List<string>();
        static void Register(Cairn.Hosting.CairnBuilder b, List<string> ran) => b.AddWorkflow<int>("job", async ctx =>
        {
            await ctx.Step("one", _ =>
            {
                ran.Add("one");
                return 1;
            });
            return await ctx.Step("two", _ =>
            {
                ran.Add("two");
                return 2;
            });
        });

        await using (var first = await TestHost.StartAsync(b => Register(b, ran), store, start: false))
        {
            await first.Client.StartAsync("job", null, new StartRunOptions { RunId = "orphan" });
        }

        // A process that died while running the run: it claimed it and completed step one.
        var deadOwner = $"{Environment.MachineName}:{int.MaxValue - 7}:1:deadbeef";
        var now = DateTimeOffset.UnixEpoch;
        await store.ClaimAsync(new ClaimRequest(deadOwner, now, DateTimeOffset.MaxValue, 1, ["job"]));
        await store.CommitAsync(new RunCommit
        {
            RunId = "orphan",
            Owner = deadOwner,
            Entries = [new Journal.JournalEntry { Sequence = 2, Kind = Journal.JournalEntryKind.StepCompleted, Position = "1", Name = "one", Payload = "1", Attempt = 1, At = now }],
            At = now,
        });

        await using var second = await TestHost.StartAsync(b => Register(b, ran), store);

        Assert.Equal(2, await second.Client.WaitForOutputAsync<int>("orphan"));
        Assert.Equal(["two"], ran);
    }

    [Fact]
    public async Task StoreErrorDuringAStep_RunIsSuspendedWithGrowingBackoffAndThenCompletes()
    {
        var time = new ManualTimeProvider();
        var store = new FlakyStore(failingStepCommits: 2);
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int>("steady", async ctx => await ctx.Step("one", _ => 1)), store, time);

        var id = await host.Client.StartAsync("steady");
        var first = await host.WaitForStatusAsync(id, RunStatus.Suspended);
        Assert.Equal(1, store.FailedCommits);
        Assert.Equal(RunStatus.Suspended, (await store.GetRunAsync(id))!.Status);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(1), (await store.GetRunAsync(id))!.WakeAt);

        time.Advance(TimeSpan.FromSeconds(1));
        await WaitForFailedCommitsAsync(store, 2);
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(2), (await store.GetRunAsync(id))!.WakeAt);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(RunStatus.Suspended, first.Status);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Single(journal, e => e.Kind == Journal.JournalEntryKind.StepCompleted);
        Assert.DoesNotContain(journal, e => e.Kind is Journal.JournalEntryKind.StepFailed or Journal.JournalEntryKind.StepAttemptFailed);
    }

    private static async Task WaitForFailedCommitsAsync(FlakyStore store, int count)
    {
        while (store.FailedCommits < count)
        {
            await Task.Yield();
        }
    }
}
