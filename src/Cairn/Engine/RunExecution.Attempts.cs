using System.Globalization;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>
/// A step's attempts: each failure is journaled with when the next attempt is due; a wait longer than
/// <see cref="Hosting.CairnOptions.HoldTimersInMemoryUnder"/> is a durable timer that lets the run unload.
/// </content>
internal sealed partial class RunExecution
{
    private async Task RunAttemptsAsync<T>(StepCall<T> call)
    {
        var position = call.Position;
        var name = call.Name;
        try
        {
            while (true)
            {
                if (call.RetryAt is { } due)
                {
                    var wait = due - _engine.Time.GetUtcNow();
                    if (wait > _engine.Options.HoldTimersInMemoryUnder)
                    {
                        WaitForRetry(call, due);
                        return;
                    }

                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _engine.Time, _cancel.Token).ConfigureAwait(false);
                    }

                    call.RetryAt = null;
                    call.Holding = null;
                }

                if (call.Plan.CircuitBreaker is { } breaker && await EnterCircuitAsync(breaker).ConfigureAwait(false) is { } openUntil)
                {
                    await HoldForCircuitAsync(call, breaker, openUntil).ConfigureAwait(false);
                    continue;
                }

                var attempt = call.Attempt;
                var startedAt = _engine.Time.GetUtcNow();
                RunningSteps[position] = new RunningStep(name, startedAt, attempt);
                if (call.Plan.SideEffecting)
                {
                    // Durable before the body runs: after a crash, the journal shows the step may have had its effect.
                    await CommitAsync(new Draft(JournalEntryKind.StepStarted, position, name, null, attempt, startedAt), CloseRetryWait(call)).ConfigureAwait(false);
                }

                T result;
                Exception? error = null;
                try
                {
                    result = await InvokeBodyAsync(call, attempt).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    result = default!;
                    error = e;
                }

                if (call.Plan.CircuitBreaker is { } used && !_cancel.IsCancellationRequested)
                {
                    await LeaveCircuitAsync(used, succeeded: error is null).ConfigureAwait(false);
                }

                if (error is null)
                {
                    string payload;
                    try
                    {
                        payload = _engine.Payloads.Serialize(result, new PayloadSubject("The result of step '{0}' at position {1}", name, position));
                    }
                    catch (PayloadException e)
                    {
                        RunningSteps.TryRemove(position, out _);
                        call.Done.SetException(e);
                        return;
                    }

                    // A store error here is not the step's failure: it ends this load (see the outer catch).
                    await CommitAsync([new Draft(JournalEntryKind.StepCompleted, position, name, payload, attempt, startedAt)], CloseRetryWait(call), out var completed).ConfigureAwait(false);
                    call.CompletedSequence = completed;
                    RunningSteps.TryRemove(position, out _);
                    call.Done.SetResult(result);
                    return;
                }

                RunningSteps.TryRemove(position, out _);
                var failure = _engine.Payloads.Serialize(Describe(error), new PayloadSubject("A step failure"));
                if (!_cancel.IsCancellationRequested && call.Plan.Retry.ShouldRetry(error, call.AttemptInRound))
                {
                    var delay = call.Plan.Retry.DelayWithJitter(call.AttemptInRound + 1, Random.Shared.NextDouble());
                    var retryAt = _engine.Time.GetUtcNow() + delay;
                    var durable = delay > _engine.Options.HoldTimersInMemoryUnder;
                    var extras = durable ? new CommitExtras { OpenWait = RetryWait(call, retryAt) } : CloseRetryWait(call);
                    await CommitAsync(new Draft(JournalEntryKind.StepAttemptFailed, position, name, AttemptPayloads.Failed(failure, retryAt), attempt, startedAt), extras).ConfigureAwait(false);
                    call.WaitOpen = durable;
                    call.RetryAt = retryAt;
                    call.Attempt++;
                    continue;
                }

                var kind = call.Plan.EndsWithFailure ? JournalEntryKind.StepFailed : JournalEntryKind.StepAttemptFailed;
                await CommitAsync([new Draft(kind, position, name, failure, attempt, startedAt)], CloseRetryWait(call), out var failed).ConfigureAwait(false);
                call.Done.SetException(new StepFailedException(RunId, name, position, attempt, _engine.Payloads.Deserialize<FailureInfo>(failure), error) { Sequence = failed });
                return;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RunningSteps.TryRemove(position, out _);
            if (e is OperationCanceledException && _cancel.IsCancellationRequested && _fatal is null)
            {
                call.Done.TrySetException(e);
            }
            else
            {
                Fatal(e);
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Unloads-friendly wait for a retry: the step stops counting as in flight until its timer is due.</summary>
    private void WaitForRetry<T>(StepCall<T> call, DateTimeOffset due) =>
        AddWaiter(Waiter.SilentTimer(
            call.Holding ?? RetryWait(call, due),
            () =>
            {
                Enter();
                _ = RunAttemptsAsync(call);
            },
            error => call.Done.TrySetException(error)));

    private WaitRecord RetryWait<T>(StepCall<T> call, DateTimeOffset due)
    {
        var detail = string.Create(CultureInfo.InvariantCulture, $$"""{"step":{{System.Text.Json.JsonSerializer.Serialize(call.Name, JsonText.Options)}},"attempt":{{call.Attempt + 1}}}""");
        return new WaitRecord(call.Position, WaitKind.Timer, "retry:" + call.Position, due, detail);
    }

    /// <summary>Closes the store's retry wait at the step's position with the next commit, once.</summary>
    private static CommitExtras? CloseRetryWait<T>(StepCall<T> call)
    {
        if (!call.WaitOpen)
        {
            return null;
        }

        call.WaitOpen = false;
        return new CommitExtras { CloseWait = call.Position };
    }

    private async Task<T> InvokeBodyAsync<T>(StepCall<T> call, int attempt)
    {
        var (position, name) = (call.Position, call.Name);
        if (call.Plan.Timeout is not { } timeout)
        {
            return await call.Body(new StepContext(RunId, position, name, attempt, _cancel.Token)).ConfigureAwait(false);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _engine.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, timeoutSource.Token);
        try
        {
            // A body that ignores its token still ends the attempt at the time-out; its task is left to finish on its own.
            return await call.Body(new StepContext(RunId, position, name, attempt, linked.Token)).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeoutSource.IsCancellationRequested && !_cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"Step '{name}' at position {position} timed out after {timeout} (attempt {attempt}).", e);
        }
    }
}
