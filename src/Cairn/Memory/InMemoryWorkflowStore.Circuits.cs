using Cairn.Storage;

namespace Cairn.Memory;

/// <content>Circuit breakers.</content>
public sealed partial class InMemoryWorkflowStore
{
    private readonly SortedDictionary<string, CircuitRecord> _circuits = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<CircuitRecord?> GetCircuitAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return ValueTask.FromResult(_circuits.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        lock (_gate)
        {
            var stored = _circuits.TryGetValue(circuit.Key, out var current) ? current.Version : 0;
            if (stored != circuit.Version - 1)
            {
                return ValueTask.FromResult(false);
            }

            _circuits[circuit.Key] = circuit;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CircuitRecord>> ListCircuitsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<CircuitRecord>>([.. _circuits.Values]);
        }
    }
}
