using Cairn.Integration.Tests.Support;
using Cairn.Storage;
using Cairn.Tests.Engine;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>The engine's Skip scenarios on a SQLite file.</summary>
public sealed class SqliteSkipTests : SkipTests
{
    private readonly SqliteFiles _files = new();

    protected override IWorkflowStore CreateStore() => _files.NewStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
