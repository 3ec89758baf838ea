using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>The dead-letter view (failed and parked runs) and error statistics, on a manual clock.</summary>
public class DeadLetterAndStatisticsTests : EngineTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task ListDeadLettersAsync_FailedAndParkedRuns_WithTheirStepFailureAndAttempts()
    {
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("ok", async ctx => await ctx.Step("fine", _ => 1))
            .AddWorkflow<int>("broken", async ctx => await ctx.Step("load", _ => Throw<int>(new IOException("disk full")), new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } }))
            .AddWorkflow<int>("parks", async ctx => await ctx.Step("route", _ => Throw<int>(new InvalidOperationException("no route")), new StepOptions { OnFailure = FailurePolicy.Park() }))
            .AddWorkflow<int>("waits", async ctx => await ctx.WaitForEvent<int>("go")), time: _time);
        var ok = await host.Client.StartAsync("ok", null, new StartRunOptions { RunId = "ok-1" });
        var broken = await host.Client.StartAsync("broken", null, new StartRunOptions { RunId = "broken-1" });
        await host.Client.WaitForCompletionAsync(ok);
        await host.Client.WaitForCompletionAsync(broken);
        _time.Advance(TimeSpan.FromMinutes(1));
        var parks = await host.Client.StartAsync("parks", null, new StartRunOptions { RunId = "parks-1" });
        var waits = await host.Client.StartAsync("waits", null, new StartRunOptions { RunId = "waits-1" });
        await host.WaitForStatusAsync(parks, RunStatus.Parked);
        await host.WaitForStatusAsync(waits, RunStatus.Suspended);

        var letters = await host.Client.ListDeadLettersAsync();

        Assert.Equal(["parks-1", "broken-1"], letters.Select(l => l.RunId));
        var parked = letters[0];
        Assert.Equal((RunStatus.Parked, "route", "1", 1, typeof(InvalidOperationException).FullName, "no route"), (parked.Status, parked.Step, parked.Position, parked.Attempts, parked.Error!.Type, parked.Error.Message));
        var failed = letters[1];
        Assert.Equal((RunStatus.Failed, "load", "1", 2, typeof(IOException).FullName, "disk full"), (failed.Status, failed.Step, failed.Position, failed.Attempts, failed.Error!.Type, failed.Error.Message));
        Assert.Equal(["broken-1"], (await host.Client.ListDeadLettersAsync(new DeadLetterQuery { Workflow = "broken" })).Select(l => l.RunId));
    }

    [Fact]
    public async Task ListDeadLettersAsync_StepParkedByItsBreaker_NamesTheBreakerAndWhenItTriesAgain()
    {
        var breaker = new CircuitBreakerPolicy { Key = "pricing", FailureThreshold = 1, BreakDuration = TimeSpan.FromHours(1) };
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("prices", async ctx =>
            await ctx.Step("fetch", _ => Throw<int>(new IOException("down")), new StepOptions { CircuitBreaker = breaker, Retry = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.Zero } })), time: _time);

        var id = await host.Client.StartAsync("prices");
        await host.WaitForStatusAsync(id, RunStatus.Parked);

        var letter = Assert.Single(await host.Client.ListDeadLettersAsync());
        Assert.Equal(("fetch", 1, "pricing", _time.GetUtcNow() + TimeSpan.FromHours(1)), (letter.Step, letter.Attempts, letter.Circuit, letter.Until));
        Assert.Equal("down", letter.Error!.Message);
    }

    [Fact]
    public async Task GetStatisticsAsync_RunsStatusesErrorRateDurationsAndTopErrors()
    {
        var plan = new Queue<(int Extract, bool ExtractFailsFirst, int Load, bool LoadFails)>([(2, false, 4, false), (1, false, 3, true), (3, true, 1, false)]);
        (int Extract, bool ExtractFailsFirst, int Load, bool LoadFails) current = default;
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("etl", async ctx =>
            {
                await ctx.Step("extract", s =>
                {
                    if (current.ExtractFailsFirst && s.Attempt == 1)
                    {
                        throw new TimeoutException("slow");
                    }

                    _time.Advance(TimeSpan.FromSeconds(current.Extract));
                    return 1;
                }, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } });
                return await ctx.Step("load", _ =>
                {
                    _time.Advance(TimeSpan.FromSeconds(current.Load));
                    return current.LoadFails ? throw new IOException("disk full") : 2;
                });
            })
            .AddWorkflow<int>("other", async ctx => await ctx.Step("x", _ => 1)), time: _time);
        await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("other"));
        var since = _time.GetUtcNow() + TimeSpan.FromSeconds(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        while (plan.TryDequeue(out var next))
        {
            current = next;
            await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("etl"));
        }

        var stats = await host.Client.GetStatisticsAsync(new StatisticsQuery { Since = since, StepType = (_, _, step) => step == "extract" ? "read" : null });

        Assert.Equal(3, stats.Runs);
        var etl = Assert.Single(stats.Workflows);
        Assert.Equal(("etl", 3, 2, 1), (etl.Workflow, etl.Total, etl.Runs[RunStatus.Completed], etl.Runs[RunStatus.Failed]));
        Assert.Equal(1.0 / 3, etl.ErrorRate!.Value, 6);
        Assert.Equal((3, 4667, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)), (etl.RunDurations.Count, (int)Math.Round(etl.RunDurations.Mean!.Value.TotalMilliseconds), etl.RunDurations.P50!.Value, etl.RunDurations.P95!.Value));
        var steps = etl.Steps.ToDictionary(s => s.Step);
        Assert.Equal((3, 0, 0, 1), (steps["extract"].Completed, steps["extract"].Failed, steps["extract"].Skipped, steps["extract"].FailedAttempts));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)), (steps["extract"].Durations.P50!.Value, steps["extract"].Durations.P95!.Value));
        Assert.Equal((2, 1, 1), (steps["load"].Completed, steps["load"].Failed, steps["load"].FailedAttempts));
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)), (steps["load"].Durations.P50!.Value, steps["load"].Durations.P95!.Value));
        Assert.Equal([("System.TimeoutException", "slow", 1), ("System.IO.IOException", "disk full", 1)], etl.TopErrors.Select(e => (e.Type, e.Message, e.Count)));
        Assert.Equal([("read", 3, 1), ("step", 2, 1)], etl.StepTypes.Select(t => (t.Step, t.Completed, t.FailedAttempts)));
        Assert.Equal(2, (await host.Client.GetStatisticsAsync()).Workflows.Count);
    }

    [Fact]
    public async Task GetStatisticsAsync_StepFailedAfterAParkAnsweredFail_CountsItsLastAttemptAndErrorOnce()
    {
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("parks", async ctx => await ctx.Step("route", _ => Throw<int>(new InvalidOperationException("no route")), new StepOptions
            {
                Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero },
                OnFailure = FailurePolicy.Park(),
            })), time: _time);
        var id = await host.Client.StartAsync("parks");
        await host.WaitForStatusAsync(id, RunStatus.Parked);
        await host.Client.ResolveAsync(id, Resolution.Fail);
        await host.WaitForStatusAsync(id, RunStatus.Failed);

        var stats = Assert.Single((await host.Client.GetStatisticsAsync()).Workflows);

        var route = Assert.Single(stats.Steps);
        Assert.Equal((0, 1, 2), (route.Completed, route.Failed, route.FailedAttempts));
        Assert.Equal(2, Assert.Single(stats.TopErrors).Count);
    }

    [Fact]
    public void DurationSummary_NearestRankPercentiles()
    {
        var summary = DurationSummary.Of(Enumerable.Range(1, 20).Select(i => TimeSpan.FromSeconds(i)));

        Assert.Equal(new DurationSummary(20, TimeSpan.FromSeconds(10.5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(19)), summary);
        Assert.Equal(DurationSummary.Empty, DurationSummary.Of([]));
    }

    private static T Throw<T>(Exception error) => throw error;
}
