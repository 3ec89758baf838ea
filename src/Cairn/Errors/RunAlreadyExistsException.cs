namespace Cairn;

/// <summary>Runs with the ids being imported exist in the store; nothing was imported.</summary>
public sealed class RunAlreadyExistsException : CairnException
{
    internal RunAlreadyExistsException(IReadOnlyList<string> runIds)
        : base($"The store already has {(runIds.Count == 1 ? "a run" : "runs")} with the id{(runIds.Count == 1 ? string.Empty : "s")} {string.Join(", ", runIds.Select(id => $"'{id}'"))}; nothing was imported. Import with renaming to give the imported runs new ids, or delete the existing runs first.")
    {
        RunIds = runIds;
    }

    /// <summary>Gets the ids that exist.</summary>
    public IReadOnlyList<string> RunIds { get; }
}
