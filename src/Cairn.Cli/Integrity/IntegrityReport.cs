using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Integrity;

/// <summary>What <c>cairn check</c> checked and every problem it found.</summary>
/// <param name="Checks">The checks, in the order they ran.</param>
/// <param name="Problems">The problems, run by run.</param>
/// <param name="Runs">How many runs were checked.</param>
/// <param name="JournalEntries">How many journal entries were read.</param>
internal sealed record IntegrityReport(IReadOnlyList<IntegrityCheck> Checks, IReadOnlyList<IntegrityProblem> Problems, int Runs, long JournalEntries)
{
    public bool Clean => Problems.Count == 0;

    public JsonObject ToJson(StoreLocation store) => new()
    {
        ["store"] = store.ToString(),
        ["ok"] = Clean,
        ["runs"] = Runs,
        ["journalEntries"] = JournalEntries,
        ["checks"] = new JsonArray(Checks.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["checked"] = c.Checked,
            ["problems"] = c.Problems,
        }).ToArray()),
        ["problems"] = new JsonArray(Problems.Select(p => (JsonNode)new JsonObject
        {
            ["check"] = p.Check,
            ["runId"] = p.RunId,
            ["problem"] = p.Problem,
            ["fix"] = p.Fix,
        }).ToArray()),
    };

    public void WriteText(TextWriter output, StoreLocation store)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checked {store}: {Runs} run{(Runs == 1 ? string.Empty : "s")}, {JournalEntries} journal entries."));
        var table = new TextTable("CHECK", "CHECKED", "PROBLEMS", "WHAT");
        foreach (var c in Checks)
        {
            table.Add(c.Name, c.Checked.ToString(CultureInfo.InvariantCulture), c.Problems.ToString(CultureInfo.InvariantCulture), c.Description);
        }

        table.WriteTo(output, "  ");
        output.WriteLine();
        if (Clean)
        {
            output.WriteLine("No problems found.");
            return;
        }

        output.WriteLine($"{Problems.Count} problem{(Problems.Count == 1 ? string.Empty : "s")}:");
        foreach (var p in Problems)
        {
            output.WriteLine(p.RunId is null ? $"  [{p.Check}] {p.Problem}" : $"  [{p.Check}] run {p.RunId}: {p.Problem}");
            if (p.Fix is not null)
            {
                output.WriteLine($"      fix: {p.Fix}");
            }
        }
    }
}
