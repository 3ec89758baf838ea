using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Listing and writing scoped state and breakers as they are, for copying whole stores.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScopedStateEntry>> ListScopedStateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ListScopedState()));
    }

    /// <inheritdoc />
    public async ValueTask<bool> ImportScopedStateAsync(ScopedStateEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Version, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.ImportScopedState(entry)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ImportCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfLessThan(circuit.Version, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.ImportCircuit(circuit)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
