using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Per-step time-outs (a failed attempt) and per-run deadlines, on a manual clock.</summary>
public class TimeoutTests : EngineTests
{
    /// <summary>Leases that outlast the clock's jumps, so a run stays with the host that loaded it.</summary>
    private static readonly Action<Cairn.Hosting.CairnOptions> LongLeases = o => o.LeaseDuration = TimeSpan.FromDays(1);

    [Fact]
    public async Task Step_AttemptTimesOut_CountsAsAFailedAttemptAndTheRetrySucceeds()
    {
        var time = new ManualTimeProvider();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("slow", async ctx =>
            await ctx.Step("call", async s =>
            {
                if (s.Attempt == 1)
                {
                    firstStarted.SetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, s.CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        tokenCancelled.SetResult();
                        throw;
                    }
                }

                return s.Attempt;
            }, new StepOptions { Timeout = TimeSpan.FromSeconds(30), Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } })), time: time, options: LongLeases);

        var id = await host.Client.StartAsync("slow");
        await firstStarted.Task;
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, await host.Client.WaitForOutputAsync<int>(id));
        await tokenCancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var failed = (await host.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StepAttemptFailed);
        var failure = System.Text.Json.JsonSerializer.Deserialize<FailureInfo>(failed.Payload!)!;
        Assert.Equal((typeof(TimeoutException).FullName, "Step 'call' at position 1 timed out after 00:00:30 (attempt 1)."), (failure.Type, failure.Message));
    }

    [Fact]
    public async Task Step_BodyIgnoringItsToken_StillFailsAtTheTimeOut()
    {
        var time = new ManualTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<int>();
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("stuck", async ctx =>
            await ctx.Step("call", _ =>
            {
                started.TrySetResult();
                return never.Task;
            }, new StepOptions { Timeout = TimeSpan.FromMinutes(1) })), time: time, options: LongLeases);

        var id = await host.Client.StartAsync("stuck");
        await started.Task;
        time.Advance(TimeSpan.FromMinutes(1));
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(typeof(TimeoutException).FullName, run.Error!.Inner!.Type);
    }

    [Fact]
    public async Task Step_WithoutTimeout_UsesTheWorkflowDefault()
    {
        var time = new ManualTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("default-timeout", async ctx =>
            await ctx.Step("call", async s =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, s.CancellationToken);
                return 1;
            }), options: new WorkflowOptions { StepTimeout = TimeSpan.FromSeconds(5) }), time: time, options: LongLeases);

        var id = await host.Client.StartAsync("default-timeout");
        await started.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(typeof(TimeoutException).FullName, run.Error!.Inner!.Type);
    }

    [Fact]
    public async Task Run_DeadlinePassingWhileSuspended_WakesTheRunAndFailsIt()
    {
        var time = new ManualTimeProvider();
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("bounded", async ctx =>
        {
            await ctx.Step("before", _ => 1);
            await ctx.Sleep(TimeSpan.FromDays(1));
            return "late";
        }, options: new WorkflowOptions { Deadline = TimeSpan.FromHours(1) }), time: time, options: LongLeases);
        var start = time.GetUtcNow();

        var id = await host.Client.StartAsync("bounded");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        Assert.Equal(start + TimeSpan.FromHours(1), (await host.Store.GetRunAsync(id))!.WakeAt);
        time.Advance(TimeSpan.FromHours(1));
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(typeof(RunDeadlineExceededException).FullName, run.Error!.Type);
        Assert.Equal(
            $"Run '{id}' did not finish within its deadline of 01:00:00 (due 2026-01-01T01:00:00.0000000+00:00); raise WorkflowOptions.Deadline (timeout: at the top of a definition) if the work needs longer.",
            run.Error.Message);
    }

    [Fact]
    public async Task Run_DeadlinePassingDuringAStep_CancelsTheStepAndFailsTheRun()
    {
        var time = new ManualTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("bounded", async ctx =>
            await ctx.Step("long", async s =>
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, s.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled.SetResult();
                    throw;
                }

                return 1;
            }), options: new WorkflowOptions { Deadline = TimeSpan.FromMinutes(10) }), time: time, options: LongLeases);

        var id = await host.Client.StartAsync("bounded");
        await started.Task;
        time.Advance(TimeSpan.FromMinutes(10));
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal((RunStatus.Failed, typeof(RunDeadlineExceededException).FullName), (run.Status, run.Error!.Type));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Run_LoadedAfterItsDeadline_FailsWithoutRunningAnything()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        var ran = 0;
        void Register(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<int>("bounded", async ctx =>
            await ctx.Step("work", _ => Interlocked.Increment(ref ran)), options: new WorkflowOptions { Deadline = TimeSpan.FromMinutes(5) });

        string id;
        await using (var client = await StartHostAsync(Register, store, time, LongLeases, start: false))
        {
            id = await client.Client.StartAsync("bounded");
        }

        time.Advance(TimeSpan.FromMinutes(6));
        await using var host = await StartHostAsync(Register, store, time, LongLeases);
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal((RunStatus.Failed, typeof(RunDeadlineExceededException).FullName), (run.Status, run.Error!.Type));
        Assert.Equal(0, ran);
    }
}
