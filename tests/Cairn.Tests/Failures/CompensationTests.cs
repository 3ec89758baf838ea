using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Sagas: a failing step with the compensate policy undoes the completed steps that declare a compensation, latest first, then fails.</summary>
public class CompensationTests : EngineTests
{
    [Fact]
    public async Task CompensatePolicy_UndoesCompletedStepsInReverseOrderThenFailsTheRun()
    {
        var undone = new List<string>();
        StepOptions Undo(string what) => new()
        {
            Compensation = async (ctx, result) => await ctx.Step("undo-" + what, _ =>
            {
                lock (undone)
                {
                    undone.Add($"{what}:{result}");
                }

                return true;
            }),
        };

        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("saga", async ctx =>
        {
            await ctx.Step("reserve", _ => "seat-7", Undo("reserve"));
            await ctx.Step("note", _ => "no undo");
            await ctx.Step("charge", _ => 120, Undo("charge"));
            await ctx.Step("email", _ => "sent", Undo("email"));
            return await ctx.Step("ship", _ => Throw<int>(new IOException("warehouse down")), new StepOptions { OnFailure = FailurePolicy.Compensate });
        }));

        var id = await host.Client.StartAsync("saga");
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("Step 'ship' at position 5 failed after 1 attempt(s): System.IO.IOException: warehouse down", run.Error!.Message);
        Assert.Equal(["email:sent", "charge:120", "reserve:seat-7"], undone);
        var journal = await host.Client.GetJournalAsync(id);
        var undos = journal.Where(e => e.Kind == JournalEntryKind.StepCompleted && e.Name!.StartsWith("undo-", StringComparison.Ordinal)).ToList();
        Assert.Equal([("undo-email", "4.undo.1"), ("undo-charge", "3.undo.1"), ("undo-reserve", "1.undo.1")], undos.Select(e => (e.Name!, e.Position!)));
        Assert.True(undos[0].Sequence > journal.Single(e => e.Kind == JournalEntryKind.StepFailed).Sequence);
    }

    [Fact]
    public async Task CompensatePolicy_ParallelBranches_AreUndoneInReverseOrderOfCompletion()
    {
        var undone = new List<string>();
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StepOptions Undo(string what) => new()
        {
            Compensation = (ctx, _) => ctx.Step("undo-" + what, _ =>
            {
                lock (undone)
                {
                    undone.Add(what);
                }

                return true;
            }),
        };

        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("fan", async ctx =>
        {
            await ctx.Gather<int>(
                "fan",
                async branch => await branch.Step("slow", async _ =>
                {
                    await firstDone.Task;
                    return 1;
                }, Undo("slow")),
                async branch =>
                {
                    var v = await branch.Step("fast", _ => 2, Undo("fast"));
                    firstDone.SetResult();
                    return v;
                });
            return await ctx.Step("last", _ => Throw<int>(new IOException("no")), new StepOptions { OnFailure = FailurePolicy.Compensate });
        }));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("fan"));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(["slow", "fast"], undone);
    }

    [Fact]
    public async Task CompensatePolicy_ReplayedAfterARestart_DoesNotUndoAgain()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        var undone = 0;
        void Register(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<string>("saga", async ctx =>
        {
            await ctx.Step("charge", _ => 5, new StepOptions { Compensation = (c, _) => c.Step("refund", _ => Interlocked.Increment(ref undone)) });
            try
            {
                await ctx.Step("ship", _ => Throw<int>(new IOException("no")), new StepOptions { OnFailure = FailurePolicy.Compensate });
            }
            catch (StepFailedException)
            {
                await ctx.Sleep(TimeSpan.FromDays(1));
            }

            return "compensated";
        });

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("saga");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("compensated", await second.Client.WaitForOutputAsync<string>(id));
        Assert.Equal(1, undone);
    }

    [Fact]
    public async Task Compensate_CalledByTheWorkflow_UndoesStepsAndRegisteredWorkLatestFirstOnceEvenAfterARestart()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        var undone = new List<string>();
        Task Record(WorkflowContext c, string what) => c.Step("undo-" + what, _ =>
        {
            lock (undone)
            {
                undone.Add(what);
            }

            return true;
        });

        void Register(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<string>("manual", async ctx =>
        {
            await ctx.Step("book", _ => 1, new StepOptions { Compensation = (c, _) => Record(c, "book") });
            ctx.AddCompensation("notify", c => Record(c, "notify"));
            await ctx.Step("later", _ => 2, new StepOptions { Compensation = (c, _) => Record(c, "later") });
            await ctx.Compensate();
            await ctx.Compensate();
            await ctx.Sleep(TimeSpan.FromDays(1));
            return "rolled back";
        });

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("manual");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("rolled back", await second.Client.WaitForOutputAsync<string>(id));
        Assert.Equal(["later", "notify", "book"], undone);
    }

    private static T Throw<T>(Exception error) => throw error;
}
