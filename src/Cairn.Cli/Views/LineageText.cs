using System.Globalization;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>The lineage lines of <c>cairn show</c>: where a run came from, and the runs created from it, each with its status.</summary>
internal static class LineageText
{
    public static void Write(TextWriter writer, RunLineage lineage)
    {
        if (lineage.Origin is null && lineage.Descendants.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("  lineage");
        foreach (var ancestor in Enumerable.Reverse(lineage.Ancestors))
        {
            writer.WriteLine($"    from      {ancestor.RunId}{Describe(ancestor.Origin)}, {Names.Of(ancestor.Status)}");
        }

        if (lineage.Origin is { } origin && (lineage.Ancestors.Count == 0 || lineage.Ancestors[0].RunId != origin.RunId))
        {
            writer.WriteLine($"    from      {origin.RunId} (no longer in the store)");
        }

        writer.WriteLine($"    this      {lineage.RunId}{Describe(lineage.Origin)}");
        foreach (var derived in lineage.Descendants)
        {
            writer.WriteLine($"    derived   {derived.RunId}{Describe(derived.Origin)}, {Names.Of(derived.Status)}");
        }
    }

    private static string Describe(RunOrigin? origin) => origin switch
    {
        null => string.Empty,
        { Checkpoint: { } n } => string.Create(CultureInfo.InvariantCulture, $" ({origin.Strategy.ToWireName()} of {origin.RunId} at checkpoint {n})"),
        _ => $" ({origin.Strategy.ToWireName()} of {origin.RunId})",
    };
}
