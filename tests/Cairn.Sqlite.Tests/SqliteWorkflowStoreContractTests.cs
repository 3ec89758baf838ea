using Cairn.Storage;
using Cairn.Storage.Specification;

namespace Cairn.Sqlite.Tests;

public sealed class SqliteWorkflowStoreContractTests : WorkflowStoreContractTests
{
    private readonly TempFolder _folder = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    protected override Task<IWorkflowStore> CreateStoreAsync() =>
        Task.FromResult<IWorkflowStore>(new SqliteWorkflowStore(new SqliteStoreOptions { Path = _folder.File("cairn.db") }));
}
