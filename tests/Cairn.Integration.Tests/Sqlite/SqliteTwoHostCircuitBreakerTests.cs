using Cairn.Hosting;
using Cairn.Integration.Tests.Support;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>Two hosts running at the same time, each with its own store on one SQLite file, share a circuit breaker.</summary>
public sealed class SqliteTwoHostCircuitBreakerTests : IDisposable
{
    private static readonly CircuitBreakerPolicy Breaker = new() { Key = "api.example.com", FailureThreshold = 2, BreakDuration = TimeSpan.FromMinutes(1) };

    private readonly SqliteFiles _files = new();
    private readonly StepLog _log = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BreakerOpenedThroughOneHostsStore_ParksAStepOnAnotherHostRunningAtTheSameTime()
    {
        var time = new ManualTimeProvider();
        var path = _files.NewPath();
        await using var storeA = SqliteFiles.Open(path);
        await using var storeB = SqliteFiles.Open(path);
        await using var hostA = await TestHost.StartAsync(b => Register(b, "call-a"), storeA, time);
        await using var hostB = await TestHost.StartAsync(b => Register(b, "call-b"), storeB, time);
        _log.Fail("call");

        var a = await hostA.Client.StartAsync("call-a");
        await hostA.WaitForStatusAsync(a, RunStatus.Parked);
        Assert.Equal(CircuitState.Open, (await storeB.GetCircuitAsync(Breaker.Key))!.State);
        _log.Clear();
        var b = await hostB.Client.StartAsync("call-b");
        var parked = await hostB.WaitForStatusAsync(b, RunStatus.Parked);

        Assert.Empty(_log.Ran);
        Assert.Equal("circuit:api.example.com", Assert.Single(parked.WaitingFor).Name);
        Assert.DoesNotContain(await hostB.Client.GetJournalAsync(b), e => e.Kind == JournalEntryKind.StepAttemptFailed);

        await hostA.Client.CancelAsync(a);
        await hostA.WaitForStatusAsync(a, RunStatus.Cancelled);
        _log.Heal();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(200, await hostB.Client.WaitForOutputAsync<int>(b));
        Assert.Equal(["call"], _log.Ran);
        Assert.Equal(CircuitState.Closed, (await storeA.GetCircuitAsync(Breaker.Key))!.State);
    }

    private void Register(CairnBuilder builder, string workflow) => builder.AddWorkflow<int>(workflow, async ctx =>
        await ctx.Step("call", _log.Body("call", () => 200), new StepOptions
        {
            CircuitBreaker = Breaker,
            Retry = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.Zero },
        }));
}
