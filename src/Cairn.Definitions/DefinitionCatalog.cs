using System.Security.Cryptography;
using System.Text;
using Cairn.Definitions.Interpreter;
using Cairn.Hosting;
using Cairn.Storage;

namespace Cairn.Definitions;

/// <summary>Registers definitions in the store with their versions, and reads them back.</summary>
public sealed class DefinitionCatalog
{
    private readonly IWorkflowStore _store;
    private readonly StoreInitializer _initializer;
    private readonly TimeProvider _time;
    private readonly DefinitionSource _source;

    internal DefinitionCatalog(IWorkflowStore store, StoreInitializer initializer, TimeProvider time, DefinitionSource source)
    {
        _store = store;
        _initializer = initializer;
        _time = time;
        _source = source;
    }

    /// <summary>Registers a parsed definition. The same content as the latest stored version returns that version; changed content gets the next version (or the version the file declares).</summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="source">The exact source text it was parsed from.</param>
    /// <param name="file">The file name, kept for error locations; relative <c>cwd</c> values of exec steps resolve against its folder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version.</returns>
    /// <exception cref="DefinitionVersionConflictException">The declared version is stored with other content.</exception>
    public async Task<DefinitionRecord> RegisterAsync(WorkflowDefinition definition, string source, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(file);
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var record = await _store.SaveDefinitionAsync(new DefinitionRecord
        {
            Name = definition.Name,
            Version = definition.Version ?? 0,
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))),
            Source = source,
            File = Path.GetFullPath(file),
            CreatedAt = _time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        _source.NamesChanged();
        return record;
    }

    /// <summary>Lists every stored version of every definition, by name then version.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one version of a definition.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, or <see langword="null"/> when unknown.</returns>
    public async Task<DefinitionRecord?> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _store.GetDefinitionAsync(name, version, cancellationToken).ConfigureAwait(false);
    }
}
