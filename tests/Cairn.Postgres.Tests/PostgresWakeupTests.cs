using System.Diagnostics;
using Cairn.Hosting;
using Cairn.Storage;
using Cairn.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cairn.Postgres.Tests;

/// <summary>
/// LISTEN/NOTIFY: a host that polls only every 30 seconds still starts a run created, and continues a run signalled,
/// through another process's client within seconds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWakeupTests(PostgresServerFixture server)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public Task IdleHost_IsWokenByRunsAndSignalsFromAnotherClient_LongBeforeItsNextPoll() => RunAsync(dropListener: false);

    [Fact]
    public Task ListeningConnectionKilledByTheServer_IsReopened_AndWakeupsGoOn() => RunAsync(dropListener: true);

    private async Task RunAsync(bool dropListener)
    {
        var connection = await server.Server.DatabaseForAsync(nameof(PostgresWakeupTests));
        var schema = PostgresServer.NewSchemaName();
        await using var worker = Build(connection, schema, execute: true);
        var host = worker.GetRequiredService<WorkflowHost>();
        await host.StartAsync(CancellationToken.None);
        await using var other = Build(connection, schema, execute: false);
        var client = other.GetRequiredService<IWorkflowClient>();
        try
        {
            // The worker listens once its loop has started; the run below is created after that.
            int? listener = null;
            await WaitUntilAsync(async () => (listener = await ListenerAsync(schema)) is not null, "the worker to listen");
            if (dropListener)
            {
                await using var admin = new NpgsqlConnection(server.Server.AdminConnectionString);
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", admin) { Parameters = { new() { Value = listener!.Value } } };
                Assert.Equal(true, await kill.ExecuteScalarAsync());
                await WaitUntilAsync(async () => await ListenerAsync(schema) is { } pid && pid != listener, "the worker to listen again");
            }

            var clock = Stopwatch.StartNew();
            var runId = await client.StartAsync("wake", 41);
            await WaitUntilAsync(async () => (await client.GetRunAsync(runId)).Status == RunStatus.Suspended, "the new run to reach its wait");
            await client.SignalAsync(runId, "go", 1);
            await WaitUntilAsync(async () => (await client.GetRunAsync(runId)).Status == RunStatus.Completed, "the signalled run to complete");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}, the worker's poll interval is 30 s");
            Assert.Equal("43", (await client.GetRunAsync(runId)).Output);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The server process id of the connection listening on the schema's wake channel, if one is.</summary>
    private async Task<int?> ListenerAsync(string schema)
    {
        await using var admin = new NpgsqlConnection(server.Server.AdminConnectionString);
        await admin.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE query = $1", admin) { Parameters = { new() { Value = $"LISTEN \"{schema}_wake\"" } } };
        return await find.ExecuteScalarAsync() as int?;
    }

    private static ServiceProvider Build(string connection, string schema, bool execute)
    {
        var services = new ServiceCollection();
        services.AddCairn(o =>
            {
                o.PollInterval = TimeSpan.FromSeconds(30);
                o.ExecuteRuns = execute;
            })
            .UsePostgres(connection, o => o.Schema = schema)
            .AddWorkflow<int, int>("wake", async (ctx, input) =>
            {
                var step = await ctx.Step("first", _ => input + 1);
                var go = await ctx.WaitForEvent<int>("go");
                return step + go;
            });
        return services.BuildServiceProvider();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Soon)
            {
                throw new Xunit.Sdk.XunitException($"Waited {Soon.TotalSeconds} s for {what}; the worker polls only every 30 s, so it was not woken.");
            }

            await Task.Delay(20);
        }
    }
}
