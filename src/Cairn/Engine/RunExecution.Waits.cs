using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Waits: timers, events, questions and child runs.</content>
internal sealed partial class RunExecution
{
    internal Task<WaitResult> Wait(string position, WaitSpec spec)
    {
        var callName = spec.CallName ?? spec.Name;
        var recorded = _log.Match(RunId, position, spec.CallClass, callName);
        if (recorded?.Final is { } final)
        {
            return Task.FromResult(WaitPayloads.Parse(final.Payload));
        }

        if (BlockedTask<WaitResult>() is { } blocked)
        {
            return blocked;
        }

        var done = new TaskCompletionSource<WaitResult>();
        Enter();
        _ = WaitAsync(done, position, spec, callName, recorded);
        return done.Task;
    }

    private async Task WaitAsync(TaskCompletionSource<WaitResult> done, string position, WaitSpec spec, string callName, Recorded? recorded)
    {
        try
        {
            WaitRecord wait;
            if (recorded?.Start is { } start)
            {
                wait = new WaitRecord(position, spec.Kind, spec.Name, spec.Kind == WaitKind.Child ? null : WaitPayloads.DueAt(start.Payload), spec.Detail);
            }
            else
            {
                wait = new WaitRecord(position, spec.Kind, spec.Name, spec.DueFrom(_engine.Time.GetUtcNow()), spec.Detail);
                var payload = spec.OpenPayload ?? WaitPayloads.Started(wait);
                await CommitAsync(
                    new Draft(spec.OpenKind, position, callName, payload),
                    new CommitExtras { OpenWait = wait, ChildRun = spec.ChildRun }).ConfigureAwait(false);
                if (spec.ChildRun is not null)
                {
                    _engine.Notifications.RunCreated(spec.ChildRun.RunId);
                }
            }

            // A child's record is read before the inbox: a child finishes and signals in one commit, so a finished child
            // whose signal is not in the inbox had it consumed by a journal tail a rewind discarded.
            var child = spec.Kind == WaitKind.Child ? await _engine.Store.GetRunAsync(ChildNames.RunIdOf(wait.Name)).ConfigureAwait(false) : null;
            await RefreshInboxAsync().ConfigureAwait(false);
            if (TryTakeSignal(wait.Name) is { } signal)
            {
                var delivered = new WaitResult(signal.Payload, false);
                await CommitWaitCompletedAsync(wait, delivered, signal.Id).ConfigureAwait(false);
                done.SetResult(delivered);
                return;
            }

            if (child is not null && child.Status.IsFinished())
            {
                var result = new WaitResult(ChildNames.Result(child.Status, child.Output, child.Error), false);
                await CommitWaitCompletedAsync(wait, result, null).ConfigureAwait(false);
                done.SetResult(result);
                return;
            }

            var now = _engine.Time.GetUtcNow();
            if (spec.Kind == WaitKind.Timer && wait.DueAt is { } due && due - now <= _engine.Options.HoldTimersInMemoryUnder)
            {
                if (due > now)
                {
                    await Task.Delay(due - now, _engine.Time, _cancel.Token).ConfigureAwait(false);
                }

                var fired = new WaitResult(null, TimedOut: false);
                await CommitWaitCompletedAsync(wait, fired, null).ConfigureAwait(false);
                done.SetResult(fired);
                return;
            }

            AddWaiter(new Waiter(wait, done));
        }
        catch (OperationCanceledException e) when (_cancel.IsCancellationRequested && _fatal is null)
        {
            done.TrySetException(e);
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
}
