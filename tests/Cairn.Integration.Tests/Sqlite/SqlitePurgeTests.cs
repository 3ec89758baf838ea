using Cairn.Integration.Tests.Support;
using Cairn.Storage;
using Cairn.Tests.Retention;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>The PurgeTests scenarios on SQLite files.</summary>
public sealed class SqlitePurgeTests : PurgeTests
{
    private readonly SqliteFiles _files = new();

    protected override IWorkflowStore CreateStore() => _files.NewStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
