using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Circuit breakers.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<CircuitRecord?> GetCircuitAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.GetCircuit(key)));
    }

    /// <inheritdoc />
    public async ValueTask<bool> SaveCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.SaveCircuit(circuit)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CircuitRecord>> ListCircuitsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ListCircuits()));
    }
}
