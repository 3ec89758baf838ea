using Cairn.Cli.Hosting;
using Cairn.Storage;

namespace Cairn.Cli.Migration;

/// <summary>
/// Copies one store into another: definitions with their versions, scoped state and breakers with their versions, then
/// every run through the same export and import that <c>cairn export</c> and <c>cairn import</c> use. Refuses before
/// writing anything when the target holds runs, or a definition, state key or breaker that differs from the source's.
/// </summary>
internal static class StoreCopier
{
    private const int Shown = 10;

    /// <summary>Copies everything; returns how many runs were copied.</summary>
    /// <exception cref="CliException">The target is not empty; nothing was written.</exception>
    public static async Task<int> CopyAsync(CliHost source, StoreLocation sourceName, CliHost target, StoreLocation targetName, CancellationToken cancellationToken)
    {
        var definitions = await source.Store.ListDefinitionsAsync(cancellationToken);
        var state = await source.Store.ListScopedStateAsync(cancellationToken);
        var breakers = await source.Store.ListCircuitsAsync(cancellationToken);
        await RefuseUnlessEmptyAsync(source.Store, target.Store, targetName, definitions, state, breakers, cancellationToken);

        foreach (var definition in definitions)
        {
            await target.Store.SaveDefinitionAsync(definition, cancellationToken);
        }

        foreach (var entry in state)
        {
            await target.Store.ImportScopedStateAsync(entry, cancellationToken);
        }

        foreach (var breaker in breakers)
        {
            await target.Store.ImportCircuitAsync(breaker, cancellationToken);
        }

        var file = Path.GetTempFileName();
        try
        {
            await using (var writer = new StreamWriter(file))
            {
                await source.Client.ExportAsync(writer, null, cancellationToken);
            }

            using var reader = new StreamReader(file);
            try
            {
                return (await target.Client.ImportAsync(reader, null, cancellationToken)).Count;
            }
            catch (RunAlreadyExistsException e)
            {
                throw CliException.Usage($"Runs were started on {targetName} while copying from {sourceName} ({e.Message}); no run was copied. Migrate into a store no one else uses.", e);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task RefuseUnlessEmptyAsync(
        IWorkflowStore source,
        IWorkflowStore target,
        StoreLocation targetName,
        IReadOnlyList<DefinitionRecord> definitions,
        IReadOnlyList<ScopedStateEntry> state,
        IReadOnlyList<CircuitRecord> breakers,
        CancellationToken cancellationToken)
    {
        var runs = await target.ListRunsAsync(new RunQuery { Limit = int.MaxValue }, cancellationToken);
        if (runs.Count > 0)
        {
            var clashing = new List<string>();
            foreach (var run in runs)
            {
                if (await source.GetRunAsync(run.RunId, cancellationToken) is not null)
                {
                    clashing.Add(run.RunId);
                }
            }

            var which = clashing.Count == 0
                ? "none of them has the id of a run in the source"
                : $"{clashing.Count} of them {(clashing.Count == 1 ? "has the id of a run" : "have ids of runs")} in the source: {List(clashing.Order(StringComparer.Ordinal))}";
            throw CliException.Usage(
                $"The target {targetName} is not empty: it holds {runs.Count} run{(runs.Count == 1 ? string.Empty : "s")} ({which}). Nothing was copied. " +
                "cairn migrate copies into an empty store: give --to a store that does not exist yet (or holds no runs), " +
                "or, to add runs to this one, use cairn export --all and cairn import --rename.");
        }

        var differing = new List<string>();
        var existing = (await target.ListDefinitionsAsync(cancellationToken)).ToDictionary(d => (d.Name, d.Version));
        differing.AddRange(definitions
            .Where(d => existing.TryGetValue((d.Name, d.Version), out var there) && there.Hash != d.Hash)
            .Select(d => $"definition {d.Name} version {d.Version}"));
        var keys = (await target.ListScopedStateAsync(cancellationToken)).ToDictionary(e => (e.Scope, e.ScopeId, e.Key));
        differing.AddRange(state
            .Where(e => keys.TryGetValue((e.Scope, e.ScopeId, e.Key), out var there) && there != e)
            .Select(e => $"{e.Scope.ToString().ToLowerInvariant()} state {e.ScopeId}/{e.Key}"));
        var circuits = (await target.ListCircuitsAsync(cancellationToken)).ToDictionary(c => c.Key);
        differing.AddRange(breakers.Where(b => circuits.TryGetValue(b.Key, out var there) && there != b).Select(b => $"breaker {b.Key}"));
        if (differing.Count > 0)
        {
            throw CliException.Usage(
                $"The target {targetName} holds what differs from the source: {List(differing)}. Nothing was copied. " +
                "Give --to a store that does not exist yet.");
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        var shown = string.Join(", ", all.Take(Shown));
        return all.Count > Shown ? $"{shown} and {all.Count - Shown} more" : shown;
    }
}
