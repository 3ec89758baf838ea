using Cairn.Hosting;
using Cairn.Memory;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>
/// Whole-engine scenarios that run against every store: the in-memory store here, a SQLite file in
/// Cairn.Integration.Tests (a subclass that only overrides <see cref="CreateStore"/>).
/// </summary>
public abstract class EngineTests : IAsyncLifetime
{
    private readonly List<IWorkflowStore> _stores = new();

    /// <summary>Returns a fresh, empty store; disposed after the test.</summary>
    protected IWorkflowStore NewStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    protected virtual IWorkflowStore CreateStore() => new InMemoryWorkflowStore();

    protected Task<TestHost> StartHostAsync(
        Action<CairnBuilder> workflows,
        IWorkflowStore? store = null,
        TimeProvider? time = null,
        Action<CairnOptions>? options = null,
        bool start = true) =>
        TestHost.StartAsync(workflows, store ?? NewStore(), time, options, start);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
