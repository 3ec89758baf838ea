namespace Cairn.Storage.Specification;

/// <content>Listing and writing scoped state, breakers and snapshots as they are, which copying a whole store needs.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task ListScopedStateAsync_ListsEveryKeyWithItsValueAndVersion_ByScopeScopeIdAndKey()
    {
        await CreateAsync("r1");
        await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.User, "u1", "plan", "\"pro\"", null)));
        await Store.CommitAsync(StateCommit("r1", 3, new ScopedStateWrite(StateScope.Session, "s2", "cart", "[1]", null)));
        await Store.CommitAsync(StateCommit("r1", 4, new ScopedStateWrite(StateScope.Session, "s1", "cart", "[2]", null)));
        await Store.CommitAsync(StateCommit("r1", 5, new ScopedStateWrite(StateScope.Session, "s1", "cart", null, null)));

        var entries = await Store.ListScopedStateAsync();

        Assert.Equal(
            [
                new ScopedStateEntry(StateScope.Session, "s1", "cart", null, 2),
                new ScopedStateEntry(StateScope.Session, "s2", "cart", "[1]", 1),
                new ScopedStateEntry(StateScope.User, "u1", "plan", "\"pro\"", 1),
            ],
            entries);
    }

    [Fact]
    public async Task ListScopedStateAsync_NothingWritten_ReturnsNone() => Assert.Empty(await Store.ListScopedStateAsync());

    [Fact]
    public async Task ImportScopedStateAsync_KeepsTheVersionGiven_AndWritesContinueFromIt()
    {
        await CreateAsync("r1");

        Assert.True(await Store.ImportScopedStateAsync(new ScopedStateEntry(StateScope.Session, "s1", "cart", "[1,2]", 7)));
        var stale = await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "cart", "[]", 1)));
        var next = await Store.CommitAsync(StateCommit("r1", 2, new ScopedStateWrite(StateScope.Session, "s1", "cart", "[3]", 7)));

        Assert.Equal(new CommitResult(CommitOutcome.StateConflict, 7), stale);
        Assert.Equal(CommitOutcome.Committed, next.Outcome);
        Assert.Equal(new ScopedValue("[3]", 8), await Store.GetScopedStateAsync(StateScope.Session, "s1", "cart"));
    }

    [Fact]
    public async Task ImportScopedStateAsync_ExistingKey_ReturnsFalseAndKeepsTheStoredValue()
    {
        await Store.ImportScopedStateAsync(new ScopedStateEntry(StateScope.User, "u1", "plan", "\"free\"", 1));

        Assert.False(await Store.ImportScopedStateAsync(new ScopedStateEntry(StateScope.User, "u1", "plan", "\"pro\"", 4)));

        Assert.Equal(new ScopedValue("\"free\"", 1), await Store.GetScopedStateAsync(StateScope.User, "u1", "plan"));
    }

    [Fact]
    public async Task ImportScopedStateAsync_VersionBelowOne_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ImportScopedStateAsync(new ScopedStateEntry(StateScope.User, "u1", "plan", "1", 0)).AsTask());

    [Fact]
    public async Task ImportCircuitAsync_WritesTheBreakerAsGiven_AndCompareAndSetContinuesFromItsVersion()
    {
        var open = Circuit("api", 6) with { State = CircuitState.Open, Failures = 5, Until = At(90), Openings = 2 };

        Assert.True(await Store.ImportCircuitAsync(open));
        var stale = await Store.SaveCircuitAsync(Circuit("api", 2));
        var next = await Store.SaveCircuitAsync(Circuit("api", 7) with { State = CircuitState.HalfOpen, Trials = 1 });

        Assert.False(stale);
        Assert.True(next);
        Assert.Equal((CircuitState.HalfOpen, 0, (DateTimeOffset?)null, 7L), await Fields("api"));
        Assert.Equal(["api"], (await Store.ListCircuitsAsync()).Select(c => c.Key));
    }

    [Fact]
    public async Task ImportCircuitAsync_ExistingKey_ReturnsFalseAndKeepsTheStoredBreaker()
    {
        var stored = Circuit("api", 1) with { Failures = 1 };
        await Store.SaveCircuitAsync(stored);

        Assert.False(await Store.ImportCircuitAsync(Circuit("api", 9) with { State = CircuitState.Open }));

        Assert.Equal(stored, await Store.GetCircuitAsync("api"));
    }

    [Fact]
    public async Task ImportRunAsync_WithSnapshots_KeepsThemForCheckpointReads()
    {
        var snapshots = new[] { new StateSnapshot(2, 1, """{"state":{"a":1}}""", At(2)), new StateSnapshot(3, 2, """{"state":{"a":2}}""", At(3)) };

        Assert.True(await Store.ImportRunAsync(SampleImport("copy") with { Snapshots = snapshots }));

        Assert.Equal(snapshots, await Store.ListSnapshotsAsync("copy"));
        Assert.Equal(snapshots[0], await Store.ReadSnapshotAsync("copy", 2));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    public async Task ImportRunAsync_SnapshotOutsideTheJournal_ThrowsAndCreatesNothing(long sequence)
    {
        var import = SampleImport("copy") with { Snapshots = [new StateSnapshot(sequence, 1, "{}", At(2))] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.ImportRunAsync(import).AsTask());

        Assert.Contains("must lie within its journal (1 to 3)", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetRunAsync("copy"));
    }
}
