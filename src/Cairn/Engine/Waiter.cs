using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>A primitive blocked on something outside the run: an event, an answer, a child run or a long timer.</summary>
internal sealed class Waiter(WaitRecord wait, TaskCompletionSource<WaitResult> done)
{
    private readonly TaskCompletionSource<WaitResult> _done = done;

    public WaitRecord Wait { get; } = wait;

    /// <summary>Completes the wait; the awaiting workflow code runs inline, on this thread, before this returns.</summary>
    public void Complete(WaitResult result) => _done.TrySetResult(result);

    public void Fail(Exception error) => _done.TrySetException(error);
}
