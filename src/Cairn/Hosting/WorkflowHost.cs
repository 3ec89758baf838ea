using System.Collections.Concurrent;
using Cairn.Engine;
using Cairn.Storage;
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
    private readonly ConcurrentDictionary<string, int> _abandoned = new(StringComparer.Ordinal);
    private readonly WakeSignal _wake = new();
    private DateTimeOffset _nextHousekeeping;
    private DateTimeOffset _nextRenewal;
    private int _slots;
    private volatile bool _backlog;
    private volatile bool _executing;

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

    /// <summary>Reserves a slot for a run this process is about to start, so it can be created already owned by this host.</summary>
    /// <returns>The owner to create the run with, or <see langword="null"/> when the host is not executing or is full.</returns>
    internal string? TryReserveSlot()
    {
        if (!_executing)
        {
            return null;
        }

        if (Interlocked.Increment(ref _slots) > _engine.Options.MaxConcurrentRuns)
        {
            Interlocked.Decrement(ref _slots);
            return null;
        }

        return Owner;
    }

    /// <summary>Starts executing a run created owned by this host, or gives back the reserved slot.</summary>
    internal void Adopt(RunRecord? run)
    {
        if (run is null || !_executing)
        {
            Interlocked.Decrement(ref _slots);
            Poke();
            return;
        }

        Start(run, fresh: true);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _engine.Notifications.Wakeup -= OnWakeup;
        if (_engine.Store is IStoreWakeups wakeups)
        {
            wakeups.Woken -= OnStoreWakeup;
        }

        _executing = false;
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

        _executing = true;
        if (_engine.Store is IStoreWakeups wakeups)
        {
            wakeups.Woken += OnStoreWakeup;
        }

        Log.HostStarted(_engine.Logger, Owner, _engine.Registry.Names.Count, _engine.Options.MaxConcurrentRuns);
        await HousekeepingAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = _wake.Next;

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

    private void OnStoreWakeup(string? runId)
    {
        if (runId is null)
        {
            foreach (var execution in _active.Values)
            {
                execution.Notify();
            }

            Poke();
        }
        else
        {
            OnWakeup(runId);
        }
    }

    private void Poke() => _wake.Fire();
}
