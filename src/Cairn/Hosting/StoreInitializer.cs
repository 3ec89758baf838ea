using Cairn.Storage;

namespace Cairn.Hosting;

/// <summary>
/// Initializes the store once per process, for the host, the client and any component that uses the store directly
/// (each awaits <see cref="EnsureAsync"/> first); a failed attempt is retried by the next caller.
/// </summary>
/// <param name="store">The store.</param>
public sealed class StoreInitializer(IWorkflowStore store)
{
    private readonly object _gate = new();
    private Task? _init;

    /// <summary>Gets a value indicating whether the store is initialized.</summary>
    public bool IsInitialized => _init is { IsCompletedSuccessfully: true };

    /// <summary>Initializes the store unless that is done or under way.</summary>
    /// <param name="cancellationToken">Cancels this caller's attempt.</param>
    /// <returns>A task that completes when the store is usable.</returns>
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
