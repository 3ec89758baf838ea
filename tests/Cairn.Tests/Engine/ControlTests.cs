using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class ControlTests : EngineTests
{
    [Fact]
    public async Task Pause_RunningRun_StopsAtTheNextStepAndResumeFinishesIt()
    {
        var inStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondRan = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("pausable", async ctx =>
        {
            await ctx.Step("first", async _ =>
            {
                inStep.SetResult();
                await release.Task;
                return 1;
            });
            return await ctx.Step("second", _ => Interlocked.Increment(ref secondRan));
        }));
        var id = await host.Client.StartAsync("pausable");
        await inStep.Task;

        Assert.Equal(RunStatus.Running, await host.Client.PauseAsync(id));
        release.SetResult();
        await host.WaitForStatusAsync(id, RunStatus.Paused);
        Assert.Equal(0, secondRan);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(JournalEntryKind.RunPaused, journal[^1].Kind);
        Assert.Contains(journal, e => e.Kind == JournalEntryKind.StepCompleted && e.Name == "first");

        Assert.Equal(RunStatus.Pending, await host.Client.ResumeAsync(id));
        Assert.Equal(1, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(1, secondRan);
    }

    [Fact]
    public async Task Pause_SuspendedRun_IsPausedAtOnceAndSignalsWaitUntilResume()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("waiting", async ctx => await ctx.WaitForEvent<int>("go")));
        var id = await host.Client.StartAsync("waiting");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);

        Assert.Equal(RunStatus.Paused, await host.Client.PauseAsync(id));
        await host.Client.SignalAsync(id, "go", 5);
        Assert.Equal(RunStatus.Paused, (await host.Client.GetRunAsync(id)).Status);

        await host.Client.ResumeAsync(id);
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));
    }

    [Fact]
    public async Task Cancel_RunningStep_CancelsItsTokenAndEndsTheRunCancelled()
    {
        var inStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenSeen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("cancellable", async ctx =>
            await ctx.Step("forever", async s =>
            {
                inStep.SetResult();
                try
                {
                    await new TaskCompletionSource().Task.WaitAsync(s.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    tokenSeen.SetResult(true);
                    throw;
                }

                return 1;
            })));
        var id = await host.Client.StartAsync("cancellable");
        await inStep.Task;

        await host.Client.CancelAsync(id);

        Assert.True(await tokenSeen.Task);
        var run = await host.Client.WaitForCompletionAsync(id);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal(JournalEntryKind.RunCancelled, (await host.Client.GetJournalAsync(id))[^1].Kind);
    }

    [Fact]
    public async Task Cancel_SuspendedRun_IsCancelledWithoutLoadingIt()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("idle", async ctx => await ctx.WaitForEvent<int>("never")));
        var id = await host.Client.StartAsync("idle");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);

        Assert.Equal(RunStatus.Cancelled, await host.Client.CancelAsync(id));
        Assert.Equal(RunStatus.Cancelled, (await host.Client.WaitForCompletionAsync(id)).Status);
        await Assert.ThrowsAsync<RunNotWaitingException>(() => host.Client.SignalAsync(id, "never", 1));
    }
}
