using Cairn.Engine;
using Cairn.Storage;

namespace Cairn.Hosting;

/// <content>Claiming, waiting for work, and housekeeping (leases, dead owners, control requests).</content>
public sealed partial class WorkflowHost
{
    /// <summary>Claims as many runs as there are free slots; returns true when every slot was filled (more may be waiting).</summary>
    private async Task<bool> ClaimAsync(CancellationToken cancellationToken)
    {
        var free = Interlocked.Add(ref _slots, 0) is var used && used < _engine.Options.MaxConcurrentRuns ? _engine.Options.MaxConcurrentRuns - used : 0;
        if (free <= 0)
        {
            return false;
        }

        Interlocked.Add(ref _slots, free);
        IReadOnlyList<RunRecord> claimed;
        try
        {
            var names = await _engine.Registry.GetNamesAsync(cancellationToken).ConfigureAwait(false);
            var now = _engine.Time.GetUtcNow();
            claimed = await _engine.Store.ClaimAsync(
                new ClaimRequest(Owner, now, now + _engine.Options.LeaseDuration, free, names), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _slots, -free);
        }

        foreach (var run in claimed)
        {
            Interlocked.Increment(ref _slots);
            Start(run, fresh: false);
        }

        // Only when every free slot was filled may more runs be waiting; then a finished run should wake the loop.
        _backlog = claimed.Count == free;
        return claimed.Count > 0 && claimed.Count == free;
    }

    /// <summary>Starts executing a run this host owns; its slot is already counted.</summary>
    private void Start(RunRecord run, bool fresh)
    {
        var found = _engine.Registry.FindAsync(run.Workflow, run.Version);
        if (found.IsCompletedSuccessfully && found.Result is { } registration)
        {
            Start(run, registration, fresh);
        }
        else
        {
            _ = Task.Run(() => ResolveAndStartAsync(run, found, fresh), CancellationToken.None);
        }
    }

    /// <summary>Starts a run whose workflow a source must supply first; a run whose workflow cannot be found is released with back-off.</summary>
    private async Task ResolveAndStartAsync(RunRecord run, ValueTask<WorkflowRegistration?> found, bool fresh)
    {
        string problem;
        try
        {
            if (await found.ConfigureAwait(false) is { } registration)
            {
                Start(run, registration, fresh);
                return;
            }

            problem = $"workflow '{run.Workflow}' version {run.Version} is not known to this host";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = e.Message;
        }

        Log.RunAbandoned(_engine.Logger, run.RunId, run.Workflow, problem);
        try
        {
            await ReleaseAsync(run.RunId).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _slots);
        }
    }

    private void Start(RunRecord run, WorkflowRegistration registration, bool fresh)
    {
        var execution = new RunExecution(_engine, run, registration, Owner, fresh);
        _active[run.RunId] = execution;
        _engine.Notifications.StatusChanged(run.RunId, RunStatus.Running);
        _ = Task.Run(() => ExecuteRunAsync(execution), CancellationToken.None);
    }

    private async Task ExecuteRunAsync(RunExecution execution)
    {
        try
        {
            var outcome = await execution.ExecuteAsync().ConfigureAwait(false);
            if (outcome == RunOutcome.Abandoned)
            {
                await ReleaseAsync(execution.RunId).ConfigureAwait(false);
            }
            else
            {
                _abandoned.TryRemove(execution.RunId, out _);
            }
        }
        finally
        {
            _active.TryRemove(execution.RunId, out _);
            Interlocked.Decrement(ref _slots);
            if (_backlog)
            {
                Poke();
            }
        }
    }

    /// <summary>
    /// Gives up a run this host could not finish loading or executing (a store error): it is suspended for a while
    /// that doubles with each failure in a row (1 s up to 1 min), so a run that keeps failing never spins a host.
    /// </summary>
    private async Task ReleaseAsync(string runId)
    {
        var failures = _abandoned.AddOrUpdate(runId, 1, (_, n) => n + 1);
        var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures - 1, 6))));
        var now = _engine.Time.GetUtcNow();
        try
        {
            await _engine.Store.CommitAsync(new RunCommit
            {
                RunId = runId,
                Owner = Owner,
                ExpectStatus = RunStatus.Running,
                Status = RunStatus.Suspended,
                WakeAt = now + backoff,
                Release = true,
                At = now,
            }).ConfigureAwait(false);
            _engine.Notifications.StatusChanged(runId, RunStatus.Suspended);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.RunAbandoned(_engine.Logger, runId, e.GetType().Name, "could not release: " + e.Message);
        }
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken cancellationToken)
    {
        var delay = _engine.Options.PollInterval;
        if (Volatile.Read(ref _slots) < _engine.Options.MaxConcurrentRuns
            && await _engine.Store.GetNextWakeAsync(await _engine.Registry.GetNamesAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) is { } next)
        {
            var untilNext = next - _engine.Time.GetUtcNow();
            if (untilNext < delay)
            {
                delay = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tick = Task.Delay(delay, _engine.Time, timeout.Token);
        await Task.WhenAny(wake, tick).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Renews leases, frees runs of dead processes on this machine, and passes control requests and signals to loaded runs.</summary>
    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        var now = _engine.Time.GetUtcNow();
        _nextHousekeeping = now + _engine.Options.PollInterval;

        // A lease is renewed when a third of it is left: one durable write per host, not one per poll.
        if (!_active.IsEmpty && now >= _nextRenewal)
        {
            _nextRenewal = now + (_engine.Options.LeaseDuration / 3);
            await _engine.Store.RenewLeasesAsync(Owner, now + _engine.Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }

        foreach (var owner in await _engine.Store.ListOwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (owner != Owner && OwnerId.IsDeadProcessOnThisMachine(owner))
            {
                var count = await _engine.Store.ReleaseOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
                Log.DeadOwnerReleased(_engine.Logger, Owner, count, owner);
            }
        }

        if (_active.IsEmpty)
        {
            return;
        }

        // Pause and cancel requests made by other processes; a loaded run whose pause request is gone resumes.
        var requested = await _engine.Store.ListRunsAsync(
            new RunQuery { Status = RunStatus.Running, Owner = Owner, OnlyWithControlRequest = true, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var controls = requested.ToDictionary(r => r.RunId, r => r.Control, StringComparer.Ordinal);
        foreach (var execution in _active.Values)
        {
            execution.ApplyControl(controls.GetValueOrDefault(execution.RunId, RunControl.None));
            execution.Notify();
        }
    }
}
