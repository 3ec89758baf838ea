using System.Runtime.CompilerServices;
using Cairn.Journal;

namespace Cairn.Engine;

/// <content>Steps: replayed from the journal, or executed, committed and then handed back.</content>
internal sealed partial class RunExecution
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Task<T> Step<T>(string position, string name, Func<StepContext, Task<T>> body, StepOptions? options)
    {
        var recorded = _log.Match(RunId, position, CallClass.Step, name);
        if (recorded?.Final is { } final)
        {
            return final.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepSkipped
                ? Task.FromResult(_engine.Payloads.Deserialize<T>(final.Payload))
                : Task.FromException<T>(RecordedFailure(name, position, final));
        }

        if (BlockedTask<T>() is { } blocked)
        {
            return blocked;
        }

        var done = new TaskCompletionSource<T>();
        Enter();
        _ = RunStepAsync(done, position, name, body, options ?? StepOptions.Default, (recorded?.FailedAttempts ?? 0) + 1);
        return done.Task;
    }

    /// <summary>Returns a task to hand back instead of starting live work when the run is cancelled or pausing.</summary>
    internal Task<T>? BlockedTask<T>()
    {
        if (_cancel.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(_cancel.Token);
        }

        return _pauseRequested ? ParkThen<T>() : null;
    }

    private async Task<T> ParkThen<T>()
    {
        await Park().ConfigureAwait(false);
        _cancel.Token.ThrowIfCancellationRequested();
        throw new InvalidOperationException("A parked primitive was released without cancellation; the run resumes from its journal.");
    }

    private StepFailedException RecordedFailure(string name, string position, JournalEntry final)
    {
        var failure = _engine.Payloads.Deserialize<FailureInfo>(final.Payload);
        return new StepFailedException(name, position, final.Attempt, failure, null);
    }

    private async Task RunStepAsync<T>(TaskCompletionSource<T> done, string position, string name, Func<StepContext, Task<T>> body, StepOptions options, int attempt)
    {
        try
        {
            while (true)
            {
                var startedAt = _engine.Time.GetUtcNow();
                RunningSteps[position] = new RunningStep(name, startedAt, attempt);
                T result;
                Exception? error = null;
                try
                {
                    result = await InvokeBodyAsync(position, name, body, options, attempt).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    result = default!;
                    error = e;
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
                        done.SetException(e);
                        return;
                    }

                    // A store error here is not the step's failure: it ends this load (see the outer catch).
                    await CommitAsync(new Draft(JournalEntryKind.StepCompleted, position, name, payload, attempt, startedAt)).ConfigureAwait(false);
                    RunningSteps.TryRemove(position, out _);
                    done.SetResult(result);
                    return;
                }

                RunningSteps.TryRemove(position, out _);
                var failure = _engine.Payloads.Serialize(FailureInfo.From(error), new PayloadSubject("A step failure"));
                if (!_cancel.IsCancellationRequested && options.Retry.ShouldRetry(error, attempt))
                {
                    await CommitAsync(new Draft(JournalEntryKind.StepAttemptFailed, position, name, failure, attempt, startedAt)).ConfigureAwait(false);
                    await Task.Delay(options.Retry.DelayBefore(attempt + 1), _engine.Time, _cancel.Token).ConfigureAwait(false);
                    attempt++;
                    continue;
                }

                await CommitAsync(new Draft(JournalEntryKind.StepFailed, position, name, failure, attempt, startedAt)).ConfigureAwait(false);
                done.SetException(new StepFailedException(name, position, attempt, _engine.Payloads.Deserialize<FailureInfo>(failure), error));
                return;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RunningSteps.TryRemove(position, out _);
            if (e is OperationCanceledException && _cancel.IsCancellationRequested && _fatal is null)
            {
                done.TrySetException(e);
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

    private async Task<T> InvokeBodyAsync<T>(string position, string name, Func<StepContext, Task<T>> body, StepOptions options, int attempt)
    {
        if (options.Timeout is not { } timeout)
        {
            return await body(new StepContext(RunId, position, name, attempt, _cancel.Token)).ConfigureAwait(false);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _engine.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, timeoutSource.Token);
        try
        {
            return await body(new StepContext(RunId, position, name, attempt, linked.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeoutSource.IsCancellationRequested && !_cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"Step '{name}' at position {position} timed out after {timeout} (attempt {attempt}).", e);
        }
    }
}
