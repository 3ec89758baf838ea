using Cairn.Integration.Tests.Support;
using Cairn.Journal;
using Cairn.Sqlite;
using Cairn.Storage;

namespace Cairn.Integration.Tests.Hosting;

public sealed class ProcessCrashTests
{
    [Fact]
    public async Task SigkillAtRandomMoments_RestartedEachTime_CompletesWithEveryStepJournaledOnce()
    {
        using var dir = new TempDirectory();
        var db = dir.File("crash.db");
        var random = new Random(20261122);
        var kills = 0;
        while (kills < 20)
        {
            await using var child = ChildProcess.Start("steps", db, "crash-run", "50");
            await child.WaitForLineAsync(l => l == "started");

            // Let up to two step bodies through, then kill at a random moment: at once (during start-up, replay or a
            // commit), or inside the next step's body after its side effect.
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                await child.WaitForLineAsync(l => l.StartsWith("body ", StringComparison.Ordinal));
                await child.SendAsync("go");
            }

            if (random.Next(2) == 0)
            {
                await child.WaitForLineAsync(l => l.StartsWith("body ", StringComparison.Ordinal));
            }

            await child.KillAsync();
            kills++;
        }

        await using (var last = ChildProcess.Start("steps", db, "crash-run", "50"))
        {
            await last.SendAsync("all");
            Assert.Equal("done 50", await last.WaitForLineAsync(l => l.StartsWith("done ", StringComparison.Ordinal)));
        }

        Assert.True(kills >= 20);
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync();
        Assert.Equal(RunStatus.Completed, (await store.GetRunAsync("crash-run"))!.Status);
        var steps = (await store.ReadJournalAsync("crash-run")).Where(e => e.Kind == JournalEntryKind.StepCompleted).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"step-{i}"), steps.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), steps.Select(s => s.Position));
    }

    [Fact]
    public async Task RetryWaitingOnADurableTimer_KilledDuringEachWait_FinishesWithTheRightAttemptCount()
    {
        using var dir = new TempDirectory();
        var db = dir.File("retry.db");
        for (var failed = 1; failed <= 3; failed++)
        {
            await using var child = ChildProcess.Start("retry", db, "retry-run");
            await child.WaitForLineAsync(l => l == $"attempt {failed}");
            await child.WaitForLineAsync(l => l == $"suspended {failed}");
            await child.KillAsync();
        }

        await using (var last = ChildProcess.Start("retry", db, "retry-run"))
        {
            Assert.Equal("done 4", await last.WaitForLineAsync(l => l.StartsWith("done ", StringComparison.Ordinal)));
            Assert.Equal(["attempt 4"], last.Seen.Where(l => l.StartsWith("attempt ", StringComparison.Ordinal)));
        }

        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync();
        var journal = await store.ReadJournalAsync("retry-run");
        var failures = journal.Where(e => e.Kind == JournalEntryKind.StepAttemptFailed).ToList();
        Assert.Equal([1, 2, 3], failures.Select(e => e.Attempt));
        var completed = journal.Single(e => e.Kind == JournalEntryKind.StepCompleted);
        Assert.Equal(4, completed.Attempt);

        // Each attempt started no earlier than the retry time its predecessor journaled.
        var starts = failures.Skip(1).Select(e => e.StartedAt!.Value).Append(completed.StartedAt!.Value).ToList();
        for (var i = 0; i < failures.Count; i++)
        {
            var retryAt = System.Text.Json.JsonDocument.Parse(failures[i].Payload!).RootElement.GetProperty("retryAt").GetDateTimeOffset();
            Assert.True(starts[i] >= retryAt, $"attempt {i + 2} started at {starts[i]:O}, before its retry time {retryAt:O}");
        }
    }

    [Fact]
    public async Task Answer_AcceptedByAProcessThatDiesAtOnce_IsNotLost()
    {
        using var dir = new TempDirectory();
        var db = dir.File("answer.db");
        await using (var host = ChildProcess.Start("ask", db, "ask-run"))
        {
            await host.WaitForLineAsync(l => l == "waiting");
            await host.KillAsync();
        }

        await using (var answerer = ChildProcess.Start("answer", db, "ask-run", "Ada"))
        {
            await answerer.WaitForLineAsync(l => l == "answered");
            Assert.Equal(137, await answerer.WaitForExitAsync());
        }

        await using var resumed = ChildProcess.Start("ask", db, "ask-run");
        Assert.Equal("done \"hello Ada\"", await resumed.WaitForLineAsync(l => l.StartsWith("done ", StringComparison.Ordinal)));
    }
}
