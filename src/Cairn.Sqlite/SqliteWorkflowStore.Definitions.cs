using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Stored definitions.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<DefinitionRecord> SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.SaveDefinition(definition)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<DefinitionRecord?> GetDefinitionAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.GetDefinition(name, version)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ListDefinitions()));
    }
}
