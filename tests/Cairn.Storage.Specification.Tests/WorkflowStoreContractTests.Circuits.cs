namespace Cairn.Storage.Specification;

/// <content>Circuit breakers: compare-and-set writes, shared through the store.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetCircuitAsync_NeverWritten_ReturnsNull()
    {
        Assert.Null(await Store.GetCircuitAsync("api.example.com"));
        Assert.Empty(await Store.ListCircuitsAsync());
    }

    [Fact]
    public async Task SaveCircuitAsync_FirstVersion_IsStoredWithEveryField()
    {
        var circuit = Circuit("api", 1) with { State = CircuitState.HalfOpen, Failures = 5, Until = At(90), Trials = 2, Openings = 3 };

        Assert.True(await Store.SaveCircuitAsync(circuit));

        Assert.Equal(circuit, await Store.GetCircuitAsync("api"));
    }

    [Fact]
    public async Task SaveCircuitAsync_NextVersion_ReplacesTheStoredOne()
    {
        await Store.SaveCircuitAsync(Circuit("api", 1) with { Failures = 1 });

        Assert.True(await Store.SaveCircuitAsync(Circuit("api", 2) with { State = CircuitState.Open, Failures = 2, Until = At(30) }));

        Assert.Equal((CircuitState.Open, 2, At(30), 2L), await Fields("api"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task SaveCircuitAsync_VersionThatDoesNotFollowTheStoredOne_WritesNothing(long version)
    {
        await Store.SaveCircuitAsync(Circuit("api", 1) with { Failures = 1 });

        Assert.False(await Store.SaveCircuitAsync(Circuit("api", version) with { Failures = 9 }));

        Assert.Equal((CircuitState.Closed, 1, (DateTimeOffset?)null, 1L), await Fields("api"));
    }

    [Fact]
    public async Task SaveCircuitAsync_LaterVersionOfAnAbsentBreaker_WritesNothing()
    {
        Assert.False(await Store.SaveCircuitAsync(Circuit("api", 2)));

        Assert.Null(await Store.GetCircuitAsync("api"));
    }

    [Fact]
    public async Task SaveCircuitAsync_RacingWritersOfTheSameVersion_OnlyOneWins()
    {
        await Store.SaveCircuitAsync(Circuit("api", 1));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.SaveCircuitAsync(Circuit("api", 2) with { Failures = i + 1 }).AsTask()));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Store.GetCircuitAsync("api"))!.Version);
    }

    [Fact]
    public async Task ListCircuitsAsync_ListsEveryBreakerByKey()
    {
        await Store.SaveCircuitAsync(Circuit("b", 1));
        await Store.SaveCircuitAsync(Circuit("a", 1));

        Assert.Equal(["a", "b"], (await Store.ListCircuitsAsync()).Select(c => c.Key));
    }

    private static CircuitRecord Circuit(string key, long version) => new() { Key = key, Version = version, UpdatedAt = At(version) };

    private async Task<(CircuitState, int, DateTimeOffset?, long)> Fields(string key)
    {
        var c = (await Store.GetCircuitAsync(key))!;
        return (c.State, c.Failures, c.Until, c.Version);
    }
}
