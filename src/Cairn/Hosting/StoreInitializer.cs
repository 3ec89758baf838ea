using Cairn.Storage;

namespace Cairn.Hosting;

/// <summary>Initializes the store once per process, for the host and the client alike.</summary>
internal sealed class StoreInitializer(IWorkflowStore store)
{
    private readonly object _gate = new();
    private Task? _init;

    public bool IsInitialized => _init is { IsCompletedSuccessfully: true };

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_init is null || _init.IsFaulted || _init.IsCanceled)
            {
                _init = store.InitializeAsync(cancellationToken).AsTask();
            }

            return _init;
        }
    }
}
