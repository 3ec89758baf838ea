namespace Cairn.Testing.Postgres;

/// <summary>One <see cref="PostgresServer"/> shared by the tests of a collection or class, stopped after the last of them.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>Gets the server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server starts before the first test.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
