using Cairn.Postgres.Internal;
using Cairn.Storage;

namespace Cairn.Postgres;

/// <content>
/// Wakeups through <c>LISTEN</c>/<c>NOTIFY</c>: the schema's triggers notify when work becomes runnable, and the first
/// subscriber to <see cref="Woken"/> opens the one listening connection this store keeps.
/// </content>
public sealed partial class PostgresWorkflowStore : IStoreWakeups
{
    private readonly Lock _wakeGate = new();
    private Action<string?>? _woken;
    private WakeListener? _listener;

    /// <inheritdoc />
    public event Action<string?>? Woken
    {
        add
        {
            lock (_wakeGate)
            {
                ObjectDisposedException.ThrowIf(_state == 2, this);
                _woken += value;
                _listener ??= new WakeListener(_source, _options.Schema, OnNotified);
            }
        }

        remove
        {
            lock (_wakeGate)
            {
                _woken -= value;
            }
        }
    }

    private void OnNotified(string? runId) => Volatile.Read(ref _woken)?.Invoke(runId);

    private async ValueTask StopListeningAsync()
    {
        WakeListener? listener;
        lock (_wakeGate)
        {
            listener = _listener;
            _listener = null;
        }

        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }
}
