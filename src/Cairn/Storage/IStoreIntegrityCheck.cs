namespace Cairn.Storage;

/// <summary>
/// Optional for a store: checks of its own storage that the <see cref="IWorkflowStore"/> contract cannot see, such as a
/// database file's page structure. Checks of what the contract reads (journals, links, waits) need no store support.
/// </summary>
public interface IStoreIntegrityCheck
{
    /// <summary>Gets the names of the checks <see cref="CheckIntegrityAsync"/> runs, in the order it runs them.</summary>
    IReadOnlyList<string> IntegrityChecks { get; }

    /// <summary>Checks the store's own storage; reads only.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Every problem found; empty when the storage is sound.</returns>
    ValueTask<IReadOnlyList<IntegrityProblem>> CheckIntegrityAsync(CancellationToken cancellationToken = default);
}
