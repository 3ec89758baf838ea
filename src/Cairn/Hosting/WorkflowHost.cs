using System.Collections.Concurrent;
using Cairn.Engine;
using Microsoft.Extensions.Hosting;

namespace Cairn.Hosting;

/// <summary>
/// The hosted service that executes runs: it claims runnable runs from the store (new, due, signalled, or left
/// behind by a process that died), executes at most <see cref="CairnOptions.MaxConcurrentRuns"/> at a time, renews
/// its leases, and passes pause, cancel and signals to the runs it holds.
/// </summary>
public sealed partial class WorkflowHost : BackgroundService
{
    private readonly WorkflowEngine _engine;
    private readonly StoreInitializer _initializer;
    private readonly ConcurrentDictionary<string, RunExecution> _active = new(StringComparer.Ordinal);
    private readonly object _wakeGate = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _nextHousekeeping;

    internal WorkflowHost(WorkflowEngine engine, StoreInitializer initializer)
    {
        _engine = engine;
        _initializer = initializer;
        Owner = OwnerId.Create();
        engine.Notifications.Wakeup += OnWakeup;
    }

    /// <summary>Gets this host's owner id, as stored on the runs it holds.</summary>
    public string Owner { get; }

    /// <summary>Gets how many runs this host executes now.</summary>
    public int ActiveRuns => _active.Count;

    internal RunExecution? FindActive(string runId) => _active.GetValueOrDefault(runId);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _engine.Notifications.Wakeup -= OnWakeup;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_initializer.IsInitialized)
        {
            await _engine.Store.ReleaseOwnerAsync(Owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _initializer.EnsureAsync(stoppingToken).ConfigureAwait(false);
        if (!_engine.Options.ExecuteRuns)
        {
            return;
        }

        Log.HostStarted(_engine.Logger, Owner, _engine.Registry.Names.Count, _engine.Options.MaxConcurrentRuns);
        await HousekeepingAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            lock (_wakeGate)
            {
                wake = _wake.Task;
            }

            try
            {
                var claimedAll = await ClaimAsync(stoppingToken).ConfigureAwait(false);
                if (_engine.Time.GetUtcNow() >= _nextHousekeeping)
                {
                    await HousekeepingAsync(stoppingToken).ConfigureAwait(false);
                }

                if (claimedAll)
                {
                    continue;
                }

                await WaitForWorkAsync(wake, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.HostLoopFailed(_engine.Logger, e, Owner);
                await Task.Delay(_engine.Options.PollInterval, _engine.Time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void OnWakeup(string runId)
    {
        if (_active.TryGetValue(runId, out var execution))
        {
            execution.Notify();
        }

        Poke();
    }

    private void Poke()
    {
        TaskCompletionSource old;
        lock (_wakeGate)
        {
            old = _wake;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }
}
