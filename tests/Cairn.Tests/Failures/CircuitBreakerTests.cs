using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Circuit breakers in the store: steps are parked without using up attempts while the breaker is open, on any host.</summary>
public class CircuitBreakerTests : EngineTests
{
    private static readonly CircuitBreakerPolicy Breaker = new() { Key = "api.example.com", FailureThreshold = 2, BreakDuration = TimeSpan.FromMinutes(1) };

    private readonly StepLog _log = new();

    private void Register(CairnBuilder b) => b.AddWorkflow<int>("call-api", async ctx =>
        await ctx.Step("call", _log.Body("call", () => 200), new StepOptions
        {
            CircuitBreaker = Breaker,
            Retry = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.Zero },
        }));

    [Fact]
    public async Task OpenBreaker_ParksTheStepWithoutUsingAnAttemptAndTheTrialAfterTheBreakCompletesIt()
    {
        var time = new ManualTimeProvider();
        _log.Fail("call");
        await using var host = await StartHostAsync(Register, time: time);

        var id = await host.Client.StartAsync("call-api");
        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);

        var wait = Assert.Single(parked.WaitingFor);
        Assert.Equal((WaitKind.Park, "circuit:api.example.com", time.GetUtcNow() + TimeSpan.FromMinutes(1), "call"), (wait.Kind, wait.Name, wait.DueAt, wait.Step));
        Assert.Equal(["call", "call"], _log.Ran);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal([JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepParked], journal.Where(e => e.Position == "1").Select(e => e.Kind));
        Assert.Equal((CircuitState.Open, 2), await StateAsync(host));

        _log.Heal();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(200, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(3, (await host.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StepCompleted).Attempt);
        Assert.Equal((CircuitState.Closed, 0), await StateAsync(host));
        Assert.Empty((await host.Client.GetRunAsync(id)).WaitingFor);
    }

    [Fact]
    public async Task BreakerOpenedByOneHost_IsSeenByASecondHostOnTheSameStore()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        _log.Fail("call");
        await using var first = await StartHostAsync(Register, store, time);
        var a = await first.Client.StartAsync("call-api");
        await first.WaitForStatusAsync(a, RunStatus.Parked);
        await first.Client.CancelAsync(a);
        await first.DisposeAsync();
        _log.Clear();

        await using var second = await StartHostAsync(Register, store, time);
        var b = await second.Client.StartAsync("call-api");
        var parked = await second.WaitForStatusAsync(b, RunStatus.Parked);

        Assert.Empty(_log.Ran);
        Assert.Equal(0, (await second.Client.GetProgressAsync(b)).Steps.Single().Attempts);
        Assert.Equal("circuit:api.example.com", Assert.Single(parked.WaitingFor).Name);
        _log.Heal();
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(200, await second.Client.WaitForOutputAsync<int>(b));
        Assert.Equal(["call"], _log.Ran);
    }

    [Fact]
    public async Task FailedTrial_OpensTheBreakerAgainAndTheStepStaysParked()
    {
        var time = new ManualTimeProvider();
        _log.Fail("call");
        await using var host = await StartHostAsync(Register, time: time);
        var id = await host.Client.StartAsync("call-api");
        await host.WaitForStatusAsync(id, RunStatus.Parked);

        time.Advance(TimeSpan.FromMinutes(1));
        await Journals.WaitForAsync(host.Client, id, j => j.Count(e => e.Kind == JournalEntryKind.StepParked) == 2);
        var run = await host.WaitForStatusAsync(id, RunStatus.Parked);

        Assert.Equal(3, _log.Ran.Count);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), Assert.Single(run.WaitingFor).DueAt);
        var circuit = (await host.Store.GetCircuitAsync(Breaker.Key))!;
        Assert.Equal((CircuitState.Open, 2L), (circuit.State, circuit.Openings));
    }

    private static async Task<(CircuitState, int)> StateAsync(TestHost host)
    {
        var circuit = (await host.Store.GetCircuitAsync(Breaker.Key))!;
        return (circuit.State, circuit.Failures);
    }
}
