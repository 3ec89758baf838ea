using Cairn.Definitions;
using Cairn.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Cairn.Cli.Hosting;

/// <summary>The Cairn host one command uses: the store, the client, the definition catalog and, when executing, the worker.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    /// <summary>How often an idle host looks for work other processes made runnable, and passes on pause and cancel requests.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly IHost _host;

    private CliHost(IHost host)
    {
        _host = host;
    }

    public IWorkflowClient Client => _host.Services.GetRequiredService<IWorkflowClient>();

    public IWorkflowStore Store => _host.Services.GetRequiredService<IWorkflowStore>();

    public DefinitionCatalog Catalog => _host.Services.GetRequiredService<DefinitionCatalog>();

    public WorkflowHost Worker => _host.Services.GetRequiredService<WorkflowHost>();

    /// <summary>Builds and starts a host on the store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="mode">Whether the host executes runs.</param>
    /// <param name="concurrency">The most runs executed at once.</param>
    /// <param name="logLevel">The lowest level logged to standard error.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started host.</returns>
    public static async Task<CliHost> StartAsync(StoreLocation store, HostMode mode, int concurrency = 16, LogLevel logLevel = LogLevel.Warning, CancellationToken cancellationToken = default)
    {
        var directory = store.IsPostgres ? null : Path.GetDirectoryName(Path.GetFullPath(store.Path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw CliException.NotFound($"The store folder '{directory}' does not exist; create it or pass --store with a file in an existing folder.");
        }

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "cairn" });
        builder.Services.AddSingleton<IHostLifetime, SilentLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var cairn = builder.Services.AddCairn(o =>
        {
            o.ExecuteRuns = mode == HostMode.Execute;
            o.MaxConcurrentRuns = concurrency;
            o.PollInterval = PollInterval;
        });
        (store.IsPostgres ? cairn.UsePostgres(store.Path) : cairn.UseSqlite(store.Path)).AddDefinitions();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);

            // Commands read the store directly too (run records with wake times, definitions): open it first.
            await host.Services.GetRequiredService<StoreInitializer>().EnsureAsync(cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            host.Dispose();
            throw CliException.Usage(
                $"Cannot open the PostgreSQL store {store}: {e.Message}. Check --store (or {StoreLocation.EnvironmentVariable}) and that the server is running.", e);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new CliHost(host);
    }

    /// <summary>Stops executing (runs this host holds are released for the next process) and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }
        }
    }
}
