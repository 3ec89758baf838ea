using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Retries whose wait is a durable timer: the run unloads, and any host retries it when due.</summary>
public class DurableRetryTests : EngineTests
{
    [Fact]
    public async Task Step_RetryAnHourAway_UnloadsTheRunAndRetriesInANewHostWhenDue()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        var attempts = new List<int>();
        void Register(CairnBuilder b) => b.AddWorkflow<int>("hourly", async ctx =>
            await ctx.Step("call", s =>
            {
                lock (attempts)
                {
                    attempts.Add(s.Attempt);
                }

                return s.Attempt < 2 ? throw new IOException("down") : s.Attempt;
            }, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromHours(1) } }));

        var start = time.GetUtcNow();
        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("hourly");
            var journal = await Journals.WaitForRetryWaitAsync(first.Client, id, 1);
            Assert.Equal(start + TimeSpan.FromHours(1), Journals.RetryAt(journal.Single(e => e.Kind == JournalEntryKind.StepAttemptFailed)));
            var run = await first.Client.GetRunAsync(id);
            var wait = Assert.Single(run.WaitingFor);
            Assert.Equal((WaitKind.Timer, "retry:1", start + TimeSpan.FromHours(1)), (wait.Kind, wait.Name, wait.DueAt));
            Assert.Equal(0, first.Host.ActiveRuns);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Suspended, (await second.Client.GetRunAsync(id)).Status);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, await second.Client.WaitForOutputAsync<int>(id));
        Assert.Equal([1, 2], attempts);
        Assert.Empty((await second.Client.GetRunAsync(id)).WaitingFor);
        var completed = (await second.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StepCompleted);
        Assert.Equal((2, start + TimeSpan.FromHours(1)), (completed.Attempt, completed.StartedAt));
    }

    [Fact]
    public async Task Step_ExponentialBackoff_RetriesAtEachDueTimeOfTheSchedule()
    {
        var time = new ManualTimeProvider();
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("backoff", async ctx =>
            await ctx.Step("call", s => s.Attempt < 5 ? throw new IOException("busy") : s.Attempt, new StepOptions
            {
                Retry = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromMinutes(1), BackoffFactor = 3, MaxDelay = TimeSpan.FromMinutes(5) },
            })), time: time);
        var start = time.GetUtcNow();

        var id = await host.Client.StartAsync("backoff");
        TimeSpan[] schedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)];
        var expectedAt = start;
        for (var i = 0; i < schedule.Length; i++)
        {
            var journal = await Journals.WaitForRetryWaitAsync(host.Client, id, i + 1);
            var failed = journal.Where(e => e.Kind == JournalEntryKind.StepAttemptFailed).Last();
            Assert.Equal(expectedAt, failed.StartedAt);
            expectedAt += schedule[i];
            Assert.Equal(expectedAt, Journals.RetryAt(failed));
            time.Advance(schedule[i] - TimeSpan.FromSeconds(1));
            Assert.Equal(i + 1, (await host.Client.GetJournalAsync(id)).Count(e => e.Kind == JournalEntryKind.StepAttemptFailed));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));
        var completed = (await host.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StepCompleted);
        Assert.Equal(start + TimeSpan.FromMinutes(14), completed.StartedAt);
    }

    [Fact]
    public async Task Step_RetryWithJitter_WaitsWithinTheJitterOfTheSchedule()
    {
        var time = new ManualTimeProvider();
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("jitter", async ctx =>
            await ctx.Step("call", s => s.Attempt < 2 ? throw new IOException("busy") : s.Attempt, new StepOptions
            {
                Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromHours(1), Jitter = 0.5 },
            })), time: time);
        var start = time.GetUtcNow();

        var id = await host.Client.StartAsync("jitter");
        var journal = await Journals.WaitForRetryWaitAsync(host.Client, id, 1);
        var retryAt = Journals.RetryAt(journal.Single(e => e.Kind == JournalEntryKind.StepAttemptFailed))!.Value;

        Assert.InRange(retryAt, start + TimeSpan.FromMinutes(30), start + TimeSpan.FromMinutes(90));
        Assert.Equal(retryAt, Assert.Single((await host.Client.GetRunAsync(id)).WaitingFor).DueAt);
        time.Advance(retryAt - start);
        Assert.Equal(2, await host.Client.WaitForOutputAsync<int>(id));
    }

    [Fact]
    public async Task Step_RetryDueWhileTheHostWasDown_RunsAtOnceWhenAHostStarts()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        static void Register(CairnBuilder b) => b.AddWorkflow<int>("late", async ctx =>
            await ctx.Step("call", s => s.Attempt < 2 ? throw new IOException("down") : s.Attempt, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMinutes(10) } }));

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("late");
            await Journals.WaitForRetryWaitAsync(first.Client, id, 1);
        }

        time.Advance(TimeSpan.FromDays(1));
        await using var second = await StartHostAsync(Register, store, time);
        Assert.Equal(2, await second.Client.WaitForOutputAsync<int>(id));
    }
}
