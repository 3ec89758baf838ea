using Cairn.Hosting;
using Cairn.Memory;
using Cairn.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench;

/// <summary>A Cairn host on the benchmark's store, with the benchmark's workflows.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchHost(ServiceProvider services)
    {
        _services = services;
        Client = services.GetRequiredService<IWorkflowClient>();
        Host = services.GetRequiredService<WorkflowHost>();
    }

    public IWorkflowClient Client { get; }

    public WorkflowHost Host { get; }

    public static async Task<BenchHost> StartAsync(BenchArgs args, Action<CairnBuilder> workflows, int concurrency, bool fresh)
    {
        if (fresh && args.SqlitePath is { } path)
        {
            DeleteStoreFiles(path);
        }

        var services = new ServiceCollection();
        var builder = services.AddCairn(o =>
        {
            o.MaxConcurrentRuns = concurrency;
            o.PollInterval = TimeSpan.FromMilliseconds(200);
        });
        if (args.SqlitePath is { } file)
        {
            builder.UseSqlite(file, o => o.Durability = args.Durability == "normal" ? SqliteDurability.Normal : SqliteDurability.Full);
        }
        else
        {
            builder.UseStore(new InMemoryWorkflowStore());
        }

        workflows(builder);
        var host = new BenchHost(services.BuildServiceProvider());
        await host.Host.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Deletes a SQLite store and its WAL companions, for a fresh start.</summary>
    public static void DeleteStoreFiles(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
