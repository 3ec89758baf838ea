using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;

namespace Cairn.Cli.Migration;

/// <summary>The comparison of a source and a target store after a copy: counts by kind and each run's journal hash.</summary>
internal sealed class MigrationVerification
{
    private readonly StoreInventory _source;
    private readonly StoreInventory _target;

    public MigrationVerification(StoreInventory source, StoreInventory target)
    {
        _source = source;
        _target = target;
        var differences = new List<string>();
        foreach (var kind in StoreInventory.Kinds)
        {
            if (source.Counts[kind] != target.Counts[kind])
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{kind}: {source.Counts[kind]} in the source, {target.Counts[kind]} in the target"));
            }
        }

        differences.AddRange(source.Definitions.Except(target.Definitions).Select(d => $"definition {d} is missing from the target"));
        differences.AddRange(target.Definitions.Except(source.Definitions).Select(d => $"definition {d} is in the target only"));
        foreach (var id in RunIds)
        {
            var from = source.RunHashes.GetValueOrDefault(id);
            var to = target.RunHashes.GetValueOrDefault(id);
            if (from != to)
            {
                differences.Add(from is null ? $"run {id} is in the target only"
                    : to is null ? $"run {id} is missing from the target"
                    : $"run {id}: the journal differs (sha256 {from} in the source, {to} in the target)");
            }
        }

        Differences = differences;
    }

    /// <summary>Gets what differs; empty when everything matches.</summary>
    public IReadOnlyList<string> Differences { get; }

    public bool Matches => Differences.Count == 0;

    private IEnumerable<string> RunIds => _source.RunHashes.Keys.Union(_target.RunHashes.Keys).Order(StringComparer.Ordinal);

    public JsonObject ToJson(StoreLocation from, StoreLocation to) => new()
    {
        ["from"] = from.ToString(),
        ["to"] = to.ToString(),
        ["match"] = Matches,
        ["counts"] = new JsonArray(StoreInventory.Kinds.Select(k => (JsonNode)new JsonObject
        {
            ["kind"] = k,
            ["source"] = _source.Counts[k],
            ["target"] = _target.Counts[k],
            ["match"] = _source.Counts[k] == _target.Counts[k],
        }).ToArray()),
        ["runs"] = new JsonArray(RunIds.Select(id => (JsonNode)new JsonObject
        {
            ["runId"] = id,
            ["sourceHash"] = _source.RunHashes.GetValueOrDefault(id),
            ["targetHash"] = _target.RunHashes.GetValueOrDefault(id),
            ["match"] = _source.RunHashes.GetValueOrDefault(id) == _target.RunHashes.GetValueOrDefault(id),
        }).ToArray()),
        ["differences"] = new JsonArray(Differences.Select(d => (JsonNode)d).ToArray()),
    };

    public void WriteText(TextWriter output)
    {
        output.WriteLine("Verification, source against target:");
        var counts = new TextTable("KIND", "SOURCE", "TARGET", string.Empty);
        foreach (var kind in StoreInventory.Kinds)
        {
            var (from, to) = (_source.Counts[kind], _target.Counts[kind]);
            counts.Add(kind, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), from == to ? "ok" : "DIFFERS");
        }

        counts.WriteTo(output, "  ");
        var runs = new TextTable("RUN", "JOURNAL SHA-256 (SOURCE)", "TARGET", string.Empty);
        foreach (var id in RunIds)
        {
            var (from, to) = (_source.RunHashes.GetValueOrDefault(id), _target.RunHashes.GetValueOrDefault(id));
            runs.Add(id, from ?? "-", from == to ? "same" : to ?? "-", from == to ? "ok" : "DIFFERS");
        }

        output.WriteLine();
        runs.WriteTo(output, "  ");
        output.WriteLine();
        if (Matches)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All match: {_source.Counts["runs"]} runs, {_source.Counts["journalEntries"]} journal entries, every journal hash the same."));
            return;
        }

        output.WriteLine($"{Differences.Count} difference{(Differences.Count == 1 ? string.Empty : "s")}:");
        foreach (var difference in Differences)
        {
            output.WriteLine("  " + difference);
        }
    }
}
