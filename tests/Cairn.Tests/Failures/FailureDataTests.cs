using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Failures stored as data, surfacing in workflow code as a typed exception live and on replay alike.</summary>
public class FailureDataTests : EngineTests
{
    [Fact]
    public async Task StepFailure_CaughtByTheWorkflowAndReplayedInANewHost_CarriesStepPositionAttemptsAndTheStoredFailure()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        static void Register(CairnBuilder b) => b.AddWorkflow<string>("caught", async ctx =>
        {
            await ctx.Step("first", _ => 1);
            try
            {
                await ctx.Step("call", s => s.Attempt > 0 ? throw new IOException("disk full", new UnauthorizedAccessException("quota")) : 0, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } });
                return "unreachable";
            }
            catch (StepFailedException e)
            {
                await ctx.Sleep(TimeSpan.FromDays(1));
                return $"{e.RunId}|{e.StepName}@{e.Position}x{e.Attempts}|{e.Failure.Type}: {e.Failure.Message}|{e.Failure.Inner?.Type}: {e.Failure.Inner?.Message}|{e.Failure.StackTrace is not null}";
            }
        });

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("caught");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(
            $"{id}|call@2x2|System.IO.IOException: disk full|System.UnauthorizedAccessException: quota|True",
            await second.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task StepFailure_ReplayedBeforeTheRunFails_StoresTheSameRunErrorAsLive()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        static void Register(CairnBuilder b) => b.AddWorkflow<int>("fails-later", async ctx =>
        {
            try
            {
                await ctx.Step("call", _ => Throw<int>(new IOException("down")));
            }
            catch (StepFailedException)
            {
                await ctx.Sleep(TimeSpan.FromDays(1));
                throw;
            }

            return 0;
        });

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("fails-later");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromDays(1));
        var run = await second.Client.WaitForCompletionAsync(id);

        Assert.Equal(typeof(StepFailedException).FullName, run.Error!.Type);
        Assert.Equal((typeof(IOException).FullName, "down"), (run.Error.Inner!.Type, run.Error.Inner.Message));
        Assert.Equal(JournalEntryKind.StepFailed, (await second.Client.GetJournalAsync(id)).Single(e => e.Position == "1").Kind);
    }

    [Fact]
    public async Task RedactFailure_IsAppliedToEveryFailureStored_StepAttemptsAndTheRunsError()
    {
        static FailureInfo Redact(FailureInfo f) => new(f.Type, f.Message.Replace("hunter2", "***", StringComparison.Ordinal), f.StackTrace, f.Inner is null ? null : Redact(f.Inner));
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("redacted", async ctx =>
            await ctx.Step("login", _ => Throw<int>(new IOException("password hunter2 refused")), new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } }),
            options: new WorkflowOptions { RedactFailure = Redact }));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("redacted"));
        var journal = await host.Client.GetJournalAsync(run.RunId);

        Assert.Equal("password *** refused", run.Error!.Inner!.Message);
        Assert.Contains("password *** refused", run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, journal.Count(e => e.Payload?.Contains("password *** refused", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(journal, e => e.Payload?.Contains("hunter2", StringComparison.Ordinal) == true);
    }

    private static T Throw<T>(Exception error) => throw error;
}
