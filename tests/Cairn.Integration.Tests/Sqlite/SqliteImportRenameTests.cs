using Cairn.Integration.Tests.Support;
using Cairn.Storage;
using Cairn.Tests.Portability;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>The ImportRenameTests scenarios on SQLite files.</summary>
public sealed class SqliteImportRenameTests : ImportRenameTests
{
    private readonly SqliteFiles _files = new();

    protected override IWorkflowStore CreateStore() => _files.NewStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
