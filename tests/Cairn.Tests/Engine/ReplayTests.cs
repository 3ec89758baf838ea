using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class ReplayTests : EngineTests
{
    [Fact]
    public async Task Replay_CompletedSteps_ReturnRecordedResultsWithoutRunningBodies()
    {
        var bodies = new Dictionary<string, int>();
        void Ran(string name)
        {
            lock (bodies)
            {
                bodies[name] = bodies.GetValueOrDefault(name) + 1;
            }
        }

        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("replay", async ctx =>
        {
            var a = await ctx.Step("a", _ =>
            {
                Ran("a");
                return 20;
            });
            var go = await ctx.WaitForEvent<int>("go");
            var b = await ctx.Step("b", _ =>
            {
                Ran("b");
                return a + go;
            });
            return $"{a}+{go}={b}";
        }));

        var id = await host.Client.StartAsync("replay");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.SignalAsync(id, "go", 22);

        Assert.Equal("20+22=42", await host.Client.WaitForOutputAsync<string>(id));
        Assert.Equal(1, bodies["a"]);
        Assert.Equal(1, bodies["b"]);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Single(journal, e => e.Kind == JournalEntryKind.StepCompleted && e.Name == "a");
    }

    [Fact]
    public async Task Replay_CodeAsksForAnotherStep_FailsWithNonDeterminismNamingPositionAndBothCalls()
    {
        var store = NewStore();
        string id;
        await using (var v1 = await StartHostAsync(b => b.AddWorkflow<int>("order", async ctx =>
        {
            await ctx.Step("validate", _ => 1);
            await ctx.WaitForEvent<int>("go");
            return 1;
        }), store))
        {
            id = await v1.Client.StartAsync("order");
            await v1.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var v2 = await StartHostAsync(b => b.AddWorkflow<int>("order", async ctx =>
        {
            await ctx.Step("charge", _ => 1);
            await ctx.WaitForEvent<int>("go");
            return 2;
        }), store);
        await v2.Client.SignalAsync(id, "go", 1);

        var run = await v2.Client.WaitForCompletionAsync(id);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(typeof(NonDeterminismException).FullName, run.Error!.Type);
        Assert.Equal(
            $"Non-determinism in run '{id}' at position 1: the journal recorded step 'validate', but the workflow code asked for step 'charge'. The code changed since the run started; restore the old code, or resume from a checkpoint before this position.",
            run.Error.Message);
    }

    [Fact]
    public async Task Replay_ParallelStepsThatCompletedOutOfOrder_ReturnTheSameResults()
    {
        var releaseA = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("fan", async ctx =>
        {
            var stepA = ctx.Step("a", async _ =>
            {
                Interlocked.Increment(ref runs);
                return await releaseA.Task;
            });
            var stepB = ctx.Step("b", async _ =>
            {
                Interlocked.Increment(ref runs);
                await Task.Yield();
                return 2;
            });

            // "a" may finish only once "b" is committed, so the journal holds b before a.
            _ = stepB.ContinueWith(_ => releaseA.TrySetResult(1), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            var (a, bb) = await ctx.WhenAll(stepA, stepB);
            await ctx.WaitForEvent<bool>("go");
            return $"{a},{bb}";
        }));

        var id = await host.Client.StartAsync("fan");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var completions = (await host.Client.GetJournalAsync(id)).Where(e => e.Kind == JournalEntryKind.StepCompleted).Select(e => e.Name).ToList();
        Assert.Equal(["b", "a"], completions);

        await host.Client.SignalAsync(id, "go", true);
        Assert.Equal("1,2", await host.Client.WaitForOutputAsync<string>(id));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Gather_BranchesOfSeveralSteps_ReplayWhateverTheInterleaving()
    {
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var bodyRuns = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int[]>("gather", async ctx =>
        {
            var results = await ctx.Gather("branches", Enumerable.Range(0, 3).Select(i => (Func<WorkflowContext, Task<int>>)(async branch =>
            {
                var first = await branch.Step("first", async _ =>
                {
                    Interlocked.Increment(ref bodyRuns);
                    await gates[i].Task;
                    return i * 10;
                });
                var second = await branch.Step("second", _ =>
                {
                    Interlocked.Increment(ref bodyRuns);
                    return first + 1;
                });

                // The next branch may go on only once this one's last step is committed.
                if (i > 0)
                {
                    gates[i - 1].TrySetResult();
                }

                return second;
            })).ToArray());
            await ctx.WaitForEvent<bool>("go");
            return results;
        }));

        var id = await host.Client.StartAsync("gather");
        gates[2].SetResult();
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        var positions = (await host.Client.GetJournalAsync(id)).Where(e => e.Kind == JournalEntryKind.StepCompleted).Select(e => e.Position).ToList();
        Assert.Equal(["1.2.1", "1.2.2", "1.1.1", "1.1.2", "1.0.1", "1.0.2"], positions);

        await host.Client.SignalAsync(id, "go", true);
        var output = await host.Client.WaitForOutputAsync<int[]>(id);
        Assert.Equal(new[] { 1, 11, 21 }, output);
        Assert.Equal(6, bodyRuns);
    }

    [Fact]
    public async Task Replay_RecordedTimeGuidAndRandom_AreTheSameAfterReload()
    {
        var seen = new List<string>();
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("values", async ctx =>
        {
            var value = $"{ctx.UtcNow:O}|{ctx.NewGuid()}|{ctx.Random.Next()}";
            lock (seen)
            {
                seen.Add(value);
            }

            await ctx.WaitForEvent<bool>("go");
            return value;
        }));

        var id = await host.Client.StartAsync("values");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.SignalAsync(id, "go", true);
        var output = await host.Client.WaitForOutputAsync<string>(id);

        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal(seen[0], output);
    }

    [Fact]
    public async Task Replay_CodeStopsBeforeRecordedCalls_FailsWithNonDeterminism()
    {
        var store = NewStore();
        string id;
        await using (var v1 = await StartHostAsync(b => b.AddWorkflow<int>("shrink", async ctx =>
        {
            await ctx.Step("one", _ => 1);
            await ctx.Step("two", _ => 2);
            await ctx.WaitForEvent<int>("go");
            return 1;
        }), store))
        {
            id = await v1.Client.StartAsync("shrink");
            await v1.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var v2 = await StartHostAsync(b => b.AddWorkflow<int>("shrink", async ctx => await ctx.Step("one", _ => 1)), store);
        await v2.Client.SignalAsync(id, "go", 1);
        var run = await v2.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("at position 2: the journal recorded step 'two', but the workflow code asked for nothing", run.Error!.Message);
    }
}
