using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Open waits, parking on pause, and what happens when nothing is left to run.</content>
internal sealed partial class RunExecution
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);
    private readonly List<SignalRecord> _inbox = new();
    private readonly List<ITimer> _timers = new();
    private readonly List<TaskCompletionSource> _parked = new();
    private volatile bool _pauseRequested;
    private readonly HashSet<long> _consumed = new();
    private bool _closed;
    private bool _notifying;
    private bool _renotify;

    internal bool PauseRequested => _pauseRequested;

    /// <summary>Tells a loaded run that signals may have arrived or timers may be due.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            if (_closed || _waiters.Count == 0)
            {
                return;
            }

            if (_notifying)
            {
                _renotify = true;
                return;
            }

            _notifying = true;
        }

        _ = NotifyAsync();
    }

    /// <summary>Registers a wait that only the outside world can end; the run may be unloaded while it is open.</summary>
    internal void AddWaiter(Waiter waiter)
    {
        lock (_gate)
        {
            _waiters.Add(waiter.Wait.Position, waiter);
            if (waiter.Wait.DueAt is { } due)
            {
                var delay = due - _engine.Time.GetUtcNow();
                _timers.Add(_engine.Time.CreateTimer(_ => Notify(), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan));
            }
        }
    }

    /// <summary>Blocks a primitive while a pause is requested; the run pauses once nothing else runs.</summary>
    internal Task Park()
    {
        var parked = new TaskCompletionSource();
        lock (_gate)
        {
            _parked.Add(parked);
        }

        return parked.Task;
    }

    private void ReleaseParked()
    {
        List<TaskCompletionSource> parked;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            parked = [.. _parked];
            _parked.Clear();
            _busy += parked.Count;
        }

        foreach (var p in parked)
        {
            p.SetResult();
            Exit();
        }
    }

    private bool IsIdle()
    {
        lock (_gate)
        {
            return Volatile.Read(ref _busy) == 0 && (_waiters.Count > 0 || _parked.Count > 0);
        }
    }

    /// <summary>Delivers what arrived meanwhile; returns true when the run is idle for good and now closed.</summary>
    private async Task<bool> SettleIdleAsync()
    {
        if (!_pauseRequested && await DeliverAsync().ConfigureAwait(false))
        {
            return false;
        }

        lock (_gate)
        {
            if (Volatile.Read(ref _busy) == 0 && (_waiters.Count > 0 || _parked.Count > 0) && !_closed)
            {
                _closed = true;
                return true;
            }

            return false;
        }
    }

    private async Task NotifyAsync()
    {
        try
        {
            while (true)
            {
                await DeliverAsync().ConfigureAwait(false);
                lock (_gate)
                {
                    if (!_renotify || _closed)
                    {
                        _notifying = false;
                        return;
                    }

                    _renotify = false;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lock (_gate)
            {
                _notifying = false;
            }

            Fatal(e);
        }
    }

    /// <summary>Reads the inbox and ends every open wait that a signal or the clock now satisfies.</summary>
    private async Task<bool> DeliverAsync()
    {
        var fresh = await _engine.Store.ReadSignalsAsync(RunId).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var deliveries = new List<(Waiter Waiter, SignalRecord? Signal)>();
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            MergeInbox(fresh);
            foreach (var waiter in _waiters.Values.OrderBy(w => w.Wait.Position, StringComparer.Ordinal))
            {
                if (waiter.IsSilentTimer)
                {
                    if (waiter.Wait.DueAt is { } at && at <= now)
                    {
                        deliveries.Add((waiter, null));
                    }
                }
                else if (TakeSignal(waiter.Wait.Name) is { } signal)
                {
                    deliveries.Add((waiter, signal));
                }
                else if (waiter.Wait.DueAt is { } due && due <= now)
                {
                    deliveries.Add((waiter, null));
                }
            }

            foreach (var (waiter, _) in deliveries)
            {
                _waiters.Remove(waiter.Wait.Position);
            }

            _busy += deliveries.Count;
        }

        foreach (var (waiter, signal) in deliveries)
        {
            _ = CompleteWaiterAsync(waiter, signal);
        }

        return deliveries.Count > 0;
    }

    /// <summary>Reads the run's inbox from the store into memory (signals may come from any process).</summary>
    internal async Task RefreshInboxAsync()
    {
        var fresh = await _engine.Store.ReadSignalsAsync(RunId).ConfigureAwait(false);
        lock (_gate)
        {
            MergeInbox(fresh);
        }
    }

    /// <summary>Adds signals not seen yet. Call under <see cref="_gate"/>.</summary>
    private void MergeInbox(IReadOnlyList<SignalRecord> fresh)
    {
        foreach (var s in fresh)
        {
            if (!_inbox.Exists(x => x.Id == s.Id) && !_consumed.Contains(s.Id))
            {
                _inbox.Add(s);
            }
        }
    }

    /// <summary>Takes the oldest unconsumed inbox signal with the name. Call under <see cref="_gate"/>.</summary>
    private SignalRecord? TakeSignal(string name)
    {
        var index = _inbox.FindIndex(s => s.Name == name);
        if (index < 0)
        {
            return null;
        }

        var signal = _inbox[index];
        _inbox.RemoveAt(index);
        _consumed.Add(signal.Id);
        return signal;
    }

    internal SignalRecord? TryTakeSignal(string name)
    {
        lock (_gate)
        {
            return TakeSignal(name);
        }
    }

    private async Task CompleteWaiterAsync(Waiter waiter, SignalRecord? signal)
    {
        if (waiter.IsSilentTimer)
        {
            try
            {
                waiter.Complete(default);
            }
            finally
            {
                Exit();
            }

            return;
        }

        try
        {
            var result = signal is null ? new WaitResult(null, TimedOut: waiter.Wait.Kind != WaitKind.Timer) : new WaitResult(signal.Payload, false);
            await CommitWaitCompletedAsync(waiter.Wait, result, signal?.Id).ConfigureAwait(false);
            waiter.Complete(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fatal(e);
        }
        finally
        {
            Exit();
        }
    }

    internal Task CommitWaitCompletedAsync(WaitRecord wait, WaitResult result, long? signalId) =>
        CommitAsync(
            new Draft(JournalEntryKind.WaitCompleted, wait.Position, wait.Name, WaitPayloads.Completed(result)),
            new CommitExtras { CloseWait = wait.Position, ConsumeSignal = signalId });

    private void FailWaitersOnCancel()
    {
        List<Waiter> waiters;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            waiters = [.. _waiters.Values];
            _waiters.Clear();
            _busy += waiters.Count;
        }

        foreach (var waiter in waiters)
        {
            waiter.Fail(new OperationCanceledException($"Run '{RunId}' was cancelled while waiting for {waiter.Wait.Name}."));
            Exit();
        }
    }

    private void CloseTimers()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var t in _timers)
            {
                t.Dispose();
            }

            _timers.Clear();
        }
    }
}
