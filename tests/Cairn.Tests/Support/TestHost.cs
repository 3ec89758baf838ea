using Cairn.Hosting;
using Cairn.Memory;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Tests.Support;

/// <summary>A Cairn host on a given store and clock, started for one test and stopped after it.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestHost(ServiceProvider services, IWorkflowStore store)
    {
        _services = services;
        Store = store;
        Client = services.GetRequiredService<IWorkflowClient>();
        Host = services.GetRequiredService<WorkflowHost>();
    }

    public IWorkflowClient Client { get; }

    public WorkflowHost Host { get; }

    public IWorkflowStore Store { get; }

    public static async Task<TestHost> StartAsync(
        Action<CairnBuilder> workflows,
        IWorkflowStore? store = null,
        TimeProvider? time = null,
        Action<CairnOptions>? options = null,
        bool start = true)
    {
        store ??= new InMemoryWorkflowStore();
        var services = new ServiceCollection();
        var builder = services.AddCairn(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            options?.Invoke(o);
        }).UseStore(new SharedStore(store));
        if (time is not null)
        {
            builder.UseTimeProvider(time);
        }

        workflows(builder);
        var host = new TestHost(services.BuildServiceProvider(), store);
        if (start)
        {
            await host.Host.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>Waits until this process sees the run reach the status (the host works in the background).</summary>
    public async Task<RunInfo> WaitForStatusAsync(string runId, RunStatus status, TimeSpan? timeout = null)
    {
        var notifications = _services.GetRequiredService<Cairn.Engine.RunNotifications>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStatus(string id, RunStatus s)
        {
            if (id == runId && (s == status || s.IsFinished()))
            {
                reached.TrySetResult();
            }
        }

        notifications.Status += OnStatus;
        try
        {
            var run = await Client.GetRunAsync(runId);
            if (run.Status != status && !run.Status.IsFinished())
            {
                await reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
                run = await Client.GetRunAsync(runId);
            }

            return run.Status == status
                ? run
                : throw new Xunit.Sdk.XunitException($"Run {runId} is {run.Status}, expected {status}: {run.Error?.Message}");
        }
        finally
        {
            notifications.Status -= OnStatus;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
