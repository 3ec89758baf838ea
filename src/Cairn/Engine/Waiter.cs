using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>A primitive blocked on something outside the run: an event, an answer, a child run or a long timer.</summary>
internal sealed class Waiter
{
    private readonly TaskCompletionSource<WaitResult>? _done;
    private readonly Action? _due;
    private readonly Action<Exception>? _failed;

    public Waiter(WaitRecord wait, TaskCompletionSource<WaitResult> done)
    {
        Wait = wait;
        _done = done;
    }

    private Waiter(WaitRecord wait, Action due, Action<Exception> failed)
    {
        Wait = wait;
        _due = due;
        _failed = failed;
    }

    public WaitRecord Wait { get; }

    /// <summary>Gets whether the wait ends only by its timer, without a journal entry of its own (the delay before a step's retry, a breaker's break).</summary>
    public bool IsSilentTimer => _due is not null;

    /// <summary>Creates a wait that only its due time ends; <paramref name="due"/> runs (counted in flight by the caller) when it is due.</summary>
    public static Waiter SilentTimer(WaitRecord wait, Action due, Action<Exception> failed) => new(wait, due, failed);

    /// <summary>Completes the wait; the awaiting workflow code runs inline, on this thread, before this returns.</summary>
    public void Complete(WaitResult result)
    {
        if (_due is not null)
        {
            _due();
        }
        else
        {
            _done!.TrySetResult(result);
        }
    }

    public void Fail(Exception error)
    {
        if (_failed is not null)
        {
            _failed(error);
        }
        else
        {
            _done!.TrySetException(error);
        }
    }
}
