namespace Cairn.Hosting;

/// <summary>
/// Supplies workflows known only at run time, such as stored YAML/JSON definitions. A host consults its sources for
/// any workflow name that is not registered in code, claims runs of every name they list, and executes each run with
/// the version it is pinned to.
/// </summary>
public interface IWorkflowSource
{
    /// <summary>Lists the workflow names this source can execute now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The names.</returns>
    ValueTask<IReadOnlyCollection<string>> GetNamesAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds a workflow by name and version.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version a run is pinned to, or <see langword="null"/> for the latest (when starting a run).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow, or <see langword="null"/> when this source does not know it.</returns>
    ValueTask<SourcedWorkflow?> FindAsync(string name, int? version, CancellationToken cancellationToken = default);
}
