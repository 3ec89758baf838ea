using Cairn.Integration.Tests.Support;
using Cairn.Storage;
using Cairn.Tests.Checkpoints;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>The CheckpointViewTests scenarios on SQLite files.</summary>
public sealed class SqliteCheckpointViewTests : CheckpointViewTests
{
    private readonly SqliteFiles _files = new();

    protected override IWorkflowStore CreateStore() => _files.NewStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
