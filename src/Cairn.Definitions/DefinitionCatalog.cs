using Cairn.Storage;

namespace Cairn.Definitions;

/// <summary>Registers definitions in the store with their versions, and reads them back.</summary>
public sealed class DefinitionCatalog
{
    /// <summary>Registers a parsed definition. The same content as a stored version returns that version; changed content gets the next version (or the version the file declares).</summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="source">The exact source text it was parsed from.</param>
    /// <param name="file">The file name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version.</returns>
    public Task<DefinitionRecord> RegisterAsync(WorkflowDefinition definition, string source, string file, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Lists every stored version of every definition, by name then version.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions.</returns>
    public Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads one version of a definition.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, or <see langword="null"/> when unknown.</returns>
    public Task<DefinitionRecord?> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
