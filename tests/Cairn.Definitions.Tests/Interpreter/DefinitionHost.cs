using Cairn.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>A host on a real SQLite file that runs definitions; several hosts may share one folder in turn, as processes would.</summary>
internal sealed class DefinitionHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DefinitionHost(ServiceProvider services)
    {
        _services = services;
        Client = services.GetRequiredService<IWorkflowClient>();
        Catalog = services.GetRequiredService<DefinitionCatalog>();
        Host = services.GetRequiredService<WorkflowHost>();
    }

    public IWorkflowClient Client { get; }

    public DefinitionCatalog Catalog { get; }

    public WorkflowHost Host { get; }

    public static async Task<DefinitionHost> StartAsync(string folder, bool start = true, TimeProvider? time = null, ScriptLimits? limits = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddCairn(o => o.PollInterval = TimeSpan.FromMilliseconds(50)).UseSqlite(Path.Combine(folder, "cairn.db"))
            .AddDefinitions(o => o.ScriptLimits = limits ?? o.ScriptLimits);
        if (time is not null)
        {
            builder.UseTimeProvider(time);
        }

        var host = new DefinitionHost(services.BuildServiceProvider());
        if (start)
        {
            await host.Host.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>Writes the YAML into the folder, parses and registers it.</summary>
    public async Task<DefinitionRecord> RegisterAsync(string folder, string yaml, string fileName = "flow.yaml")
    {
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, yaml);
        return await Catalog.RegisterAsync(DefinitionParser.Parse(yaml, path), yaml, path);
    }

    public async Task<RunInfo> WaitForStatusAsync(string runId, RunStatus status)
    {
        var run = await WaitUntilAsync(runId, r => r.Status == status || r.Status.IsFinished(), $"reach {status}");
        return run.Status == status
            ? run
            : throw new Xunit.Sdk.XunitException($"Run {runId} is {run.Status}, expected {status}: {run.Error?.Message}");
    }

    /// <summary>Reads the run until the condition holds (the host works in the background), for at most 30 s.</summary>
    public async Task<RunInfo> WaitUntilAsync(string runId, Func<RunInfo, bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var run = await Client.GetRunAsync(runId);
            if (condition(run))
            {
                return run;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new Xunit.Sdk.XunitException($"Run {runId} did not {what} within 30 s; it is {run.Status}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
