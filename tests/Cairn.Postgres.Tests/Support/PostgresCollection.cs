using Cairn.Testing.Postgres;

namespace Cairn.Postgres.Tests;

/// <summary>The test classes that share one PostgreSQL server; each test makes its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
