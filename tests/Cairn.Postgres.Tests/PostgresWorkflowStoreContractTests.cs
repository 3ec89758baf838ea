using Cairn.Storage;
using Cairn.Storage.Specification;
using Cairn.Testing.Postgres;

namespace Cairn.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowStoreContractTests(PostgresServerFixture server) : WorkflowStoreContractTests
{
    /// <summary>Each test gets a store in a new schema of this class's database (a new database per test costs a second each).</summary>
    protected override async Task<IWorkflowStore> CreateStoreAsync() => new PostgresWorkflowStore(new PostgresStoreOptions
    {
        ConnectionString = await server.Server.DatabaseForAsync(nameof(PostgresWorkflowStoreContractTests)),
        Schema = PostgresServer.NewSchemaName(),
    });
}
