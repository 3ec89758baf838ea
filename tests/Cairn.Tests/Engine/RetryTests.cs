using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class RetryTests : EngineTests
{
    [Fact]
    public async Task Step_FailingTwiceThenSucceeding_JournalsEachAttemptAndPassesTheAttemptNumber()
    {
        var attempts = new List<int>();
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("flaky", async ctx =>
            await ctx.Step("call", s =>
            {
                attempts.Add(s.Attempt);
                return s.Attempt < 3 ? throw new IOException("reset") : s.IdempotencyKey;
            }, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.Zero } })));

        var id = await host.Client.StartAsync("flaky", null, new StartRunOptions { RunId = "r1" });

        Assert.Equal("r1:1", await host.Client.WaitForOutputAsync<string>(id));
        Assert.Equal([1, 2, 3], attempts);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal([1, 2], journal.Where(e => e.Kind == JournalEntryKind.StepAttemptFailed).Select(e => e.Attempt));
        Assert.Equal(3, journal.Single(e => e.Kind == JournalEntryKind.StepCompleted).Attempt);
        var progress = await host.Client.GetProgressAsync(id);
        Assert.Equal(3, Assert.Single(progress.Steps).Attempts);
    }

    [Fact]
    public async Task Step_ExhaustingItsAttempts_FailsWithStoredFailureAndTypedException()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("doomed", async ctx =>
            await ctx.Step<int>("call", _ => Throw<int>(new TimeoutException("slow")), new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } })));

        var id = await host.Client.StartAsync("doomed");
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(typeof(StepFailedException).FullName, run.Error!.Type);
        Assert.Equal("Step 'call' at position 1 failed after 2 attempt(s): System.TimeoutException: slow", run.Error.Message);
        Assert.Equal(typeof(TimeoutException).FullName, run.Error.Inner!.Type);
    }

    [Fact]
    public void RetryPolicy_Backoff_GrowsByTheFactorUpToTheMaximum()
    {
        var policy = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromSeconds(1), BackoffFactor = 3, MaxDelay = TimeSpan.FromSeconds(20) };
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)],
            Enumerable.Range(2, 5).Select(policy.DelayBefore));
    }

    [Fact]
    public async Task Step_RetryDelay_WaitsOnTheClock()
    {
        var time = new ManualTimeProvider();
        var attempted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("later", async ctx =>
            await ctx.Step("call", _ =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    attempted.SetResult();
                    throw new IOException("down");
                }

                return calls;
            }, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMinutes(5) } })), time: time);

        var id = await host.Client.StartAsync("later");
        await attempted.Task;
        await WaitForJournalAsync(host, id, JournalEntryKind.StepAttemptFailed);
        Assert.Equal(1, calls);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, await host.Client.WaitForOutputAsync<int>(id));
    }

    private static async Task WaitForJournalAsync(TestHost host, string id, JournalEntryKind kind)
    {
        while (!(await host.Client.GetJournalAsync(id)).Any(e => e.Kind == kind))
        {
            await Task.Yield();
        }
    }

    private static T Throw<T>(Exception error) => throw error;
}
