namespace Cairn.Storage;

/// <summary>The numbering rule of <see cref="IWorkflowStore.SaveDefinitionAsync"/>, shared by every store.</summary>
public static class DefinitionNumbering
{
    /// <summary>Decides which version a definition gets, given a way to read stored versions inside the store's transaction.</summary>
    /// <param name="incoming">The definition to save (version 0 to have one assigned).</param>
    /// <param name="read">Reads a stored version of the same name (<see langword="null"/> = the latest), or returns <see langword="null"/>.</param>
    /// <returns>The record to return, and whether it must be written.</returns>
    /// <exception cref="DefinitionVersionConflictException">The declared version exists with different content.</exception>
    public static (DefinitionRecord Record, bool Insert) Decide(DefinitionRecord incoming, Func<int?, DefinitionRecord?> read)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfNegative(incoming.Version);
        if (incoming.Version == 0)
        {
            var latest = read(null);
            return latest is not null && latest.Hash == incoming.Hash
                ? (latest, false)
                : (incoming with { Version = (latest?.Version ?? 0) + 1 }, true);
        }

        var existing = read(incoming.Version);
        if (existing is null)
        {
            return (incoming, true);
        }

        return existing.Hash == incoming.Hash ? (existing, false) : throw new DefinitionVersionConflictException(incoming.Name, incoming.Version);
    }
}
