using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Cli.Migration;

/// <summary>What a store holds, counted by kind, with each run's journal hash: what <c>cairn migrate</c> compares.</summary>
internal sealed class StoreInventory
{
    /// <summary>The kinds counted, in the order they are printed; documented in docs/cli.md.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["definitions", "runs", "journalEntries", "branches", "branchEntries", "signals", "waits", "wakeTimes", "snapshots", "scopedState", "breakers"];

    private StoreInventory(Dictionary<string, long> counts, SortedDictionary<string, string> runHashes, SortedSet<string> definitions)
    {
        Counts = counts;
        RunHashes = runHashes;
        Definitions = definitions;
    }

    /// <summary>Gets how many of each kind the store holds.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; }

    /// <summary>Gets each run's journal hash (<see cref="Cairn.Journal.JournalDigest"/>), by run id.</summary>
    public IReadOnlyDictionary<string, string> RunHashes { get; }

    /// <summary>Gets the stored definition versions as <c>name@version sha256:hash</c>.</summary>
    public IReadOnlySet<string> Definitions { get; }

    /// <summary>Reads everything the store holds once.</summary>
    public static async Task<StoreInventory> ReadAsync(IWorkflowStore store, CancellationToken cancellationToken)
    {
        var counts = Kinds.ToDictionary(k => k, _ => 0L);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var definitions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in await store.ListDefinitionsAsync(cancellationToken))
        {
            definitions.Add(DefinitionKey(d));
        }

        counts["definitions"] = definitions.Count;
        foreach (var listed in await store.ListRunsAsync(new RunQuery { Limit = int.MaxValue }, cancellationToken))
        {
            var id = listed.RunId;
            var run = await store.GetRunAsync(id, cancellationToken);
            var journal = await store.ReadJournalAsync(id, cancellationToken);
            var branches = await store.ReadJournalBranchesAsync(id, cancellationToken);
            counts["runs"]++;
            counts["journalEntries"] += journal.Count;
            counts["branches"] += branches.Count;
            counts["branchEntries"] += branches.Sum(b => b.Entries.Count);
            counts["signals"] += (await store.ReadSignalsAsync(id, cancellationToken)).Count;
            counts["waits"] += run?.Waits.Count ?? 0;
            counts["wakeTimes"] += run?.WakeAt is null ? 0 : 1;
            counts["snapshots"] += (await store.ListSnapshotsAsync(id, cancellationToken)).Count;
            hashes[id] = JournalDigest.Sha256(journal);
        }

        counts["scopedState"] = (await store.ListScopedStateAsync(cancellationToken)).Count;
        counts["breakers"] = (await store.ListCircuitsAsync(cancellationToken)).Count;
        return new StoreInventory(counts, hashes, definitions);
    }

    public static string DefinitionKey(DefinitionRecord d) => $"{d.Name}@{d.Version} sha256:{d.Hash}";
}
