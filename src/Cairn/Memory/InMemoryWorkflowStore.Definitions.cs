using Cairn.Storage;

namespace Cairn.Memory;

/// <content>Stored definitions.</content>
public sealed partial class InMemoryWorkflowStore
{
    private readonly SortedDictionary<(string Name, int Version), DefinitionRecord> _definitions = new(DefinitionKeyComparer.Instance);

    /// <inheritdoc />
    public ValueTask<DefinitionRecord> SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var (record, insert) = DefinitionNumbering.Decide(definition, v => FindDefinition(definition.Name, v));
            if (insert)
            {
                _definitions.Add((record.Name, record.Version), record);
            }

            return ValueTask.FromResult(record);
        }
    }

    /// <inheritdoc />
    public ValueTask<DefinitionRecord?> GetDefinitionAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(FindDefinition(name, version));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<DefinitionRecord>>(_definitions.Values.ToArray());
        }
    }

    private DefinitionRecord? FindDefinition(string name, int? version) =>
        version is { } v
            ? _definitions.GetValueOrDefault((name, v))
            : _definitions.Where(d => d.Key.Name == name).Select(d => d.Value).LastOrDefault();

    private sealed class DefinitionKeyComparer : IComparer<(string Name, int Version)>
    {
        public static readonly DefinitionKeyComparer Instance = new();

        public int Compare((string Name, int Version) x, (string Name, int Version) y)
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : x.Version.CompareTo(y.Version);
        }
    }
}
