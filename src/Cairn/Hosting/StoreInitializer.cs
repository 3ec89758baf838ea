using Cairn.Storage;

namespace Cairn.Hosting;

/// <summary>Initializes the store once per process, for the host and the client alike; a failed attempt is retried by the next caller.</summary>
internal sealed class StoreInitializer(IWorkflowStore store)
{
    private readonly object _gate = new();
    private Task? _init;

    public bool IsInitialized => _init is { IsCompletedSuccessfully: true };

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource started;
        lock (_gate)
        {
            if (_init is { IsFaulted: false, IsCanceled: false } pending)
            {
                return pending;
            }

            started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _init = started.Task;
        }

        // The store may open files synchronously: do it outside the lock, so other callers wait on the task instead.
        _ = InitializeAsync(started, cancellationToken);
        return started.Task;
    }

    private async Task InitializeAsync(TaskCompletionSource started, CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            started.SetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            started.SetException(e);
        }
    }
}
