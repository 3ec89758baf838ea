namespace Cairn.Engine;

/// <summary>
/// Wakes a loop that waits for "something changed": take <see cref="Next"/>, check the conditions, then await it;
/// a <see cref="Fire"/> after the task was taken completes it, so no wake-up between check and wait is lost.
/// </summary>
internal sealed class WakeSignal
{
    private readonly object _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the task the next <see cref="Fire"/> completes.</summary>
    public Task Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    /// <summary>Completes the current task and arms a new one.</summary>
    public void Fire()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fired.TrySetResult();
    }
}
