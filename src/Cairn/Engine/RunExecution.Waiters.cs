using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Ending waits: delivering what ended them, failing them on cancellation, and stopping their timers.</content>
internal sealed partial class RunExecution
{
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
