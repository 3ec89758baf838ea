using Cairn.Integration.Tests.Support;
using Cairn.Storage;
using Cairn.Tests.Failures;

namespace Cairn.Integration.Tests.Sqlite;

/// <summary>The engine's DurableRetry scenarios on a SQLite file.</summary>
public sealed class SqliteDurableRetryTests : DurableRetryTests
{
    private readonly SqliteFiles _files = new();

    protected override IWorkflowStore CreateStore() => _files.NewStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
