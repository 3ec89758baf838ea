using Cairn.Storage;

namespace Cairn.Memory;

/// <content>Listing and writing scoped state and breakers as they are, for copying whole stores.</content>
public sealed partial class InMemoryWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScopedStateEntry>> ListScopedStateAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ScopedStateEntry> entries = _scoped
                .Select(p => new ScopedStateEntry(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Value.Value, p.Value.Version))
                .OrderBy(e => e.Scope).ThenBy(e => e.ScopeId, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ImportScopedStateAsync(ScopedStateEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Version, 1);
        lock (_gate)
        {
            return ValueTask.FromResult(_scoped.TryAdd((entry.Scope, entry.ScopeId, entry.Key), new ScopedValue(entry.Value, entry.Version)));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ImportCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfLessThan(circuit.Version, 1);
        lock (_gate)
        {
            return ValueTask.FromResult(_circuits.TryAdd(circuit.Key, circuit));
        }
    }
}
