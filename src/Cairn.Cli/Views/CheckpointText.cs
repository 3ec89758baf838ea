using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Cli.Views;

/// <summary>The text and JSON of <c>cairn checkpoint show</c> and <c>cairn checkpoint diff</c>.</summary>
internal static class CheckpointText
{
    /// <summary>Reads a checkpoint view, turning a checkpoint that does not exist into "not found".</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw CliException.NotFound(e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var i and >= 0 ? i : e.Message.Length)]);
        }
    }

    public static void Write(TextWriter writer, string runId, CheckpointState state)
    {
        var at = state.Checkpoint is { } c ? $" ({Describe(c)}, {RunText.Stamp(c.At)})" : " (the start)";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {runId} at checkpoint {state.Number}{at}"));
        writer.WriteLine();
        writer.WriteLine("  state");
        if (state.State.Count == 0)
        {
            writer.WriteLine("    (empty)");
        }

        foreach (var (key, value) in state.State.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteLine($"    {key} = {value}");
        }

        writer.WriteLine();
        Steps(writer, state.Steps, "  steps");
    }

    public static void Write(TextWriter writer, string runId, CheckpointDiff diff)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {runId}, checkpoint {diff.From} -> {diff.To}"));
        writer.WriteLine();
        writer.WriteLine("  state");
        if (diff.State.Count == 0)
        {
            writer.WriteLine("    (no change)");
        }

        foreach (var change in diff.State)
        {
            writer.WriteLine($"    {change.Key}: {change.Old ?? "(unset)"} -> {change.New ?? "(unset)"}");
        }

        writer.WriteLine();
        Steps(writer, diff.Steps, "  steps in between");
    }

    public static JsonObject Json(CheckpointState state) => new()
    {
        ["number"] = state.Number,
        ["checkpoint"] = state.Checkpoint is { } c ? RunJson.Checkpoint(c) : null,
        ["state"] = new JsonObject(state.State.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Cli.Json.Embed(p.Value)))),
        ["steps"] = Steps(state.Steps),
    };

    public static JsonObject Json(CheckpointDiff diff) => new()
    {
        ["from"] = diff.From,
        ["to"] = diff.To,
        ["state"] = new JsonArray(diff.State.Select(d => (JsonNode)new JsonObject
        {
            ["key"] = d.Key,
            ["old"] = Cli.Json.Embed(d.Old),
            ["new"] = Cli.Json.Embed(d.New),
        }).ToArray()),
        ["steps"] = Steps(diff.Steps),
    };

    private static string Describe(CheckpointInfo c) => c.Label is { } label ? $"checkpoint '{label}'" : $"step '{c.StepName}'";

    private static JsonArray Steps(IReadOnlyList<CheckpointStep> steps) => new(steps.Select(s => (JsonNode)new JsonObject
    {
        ["position"] = s.Position,
        ["id"] = s.Name,
        ["status"] = Names.Of(s.Status),
        ["output"] = Cli.Json.Embed(s.Output),
    }).ToArray());

    private static void Steps(TextWriter writer, IReadOnlyList<CheckpointStep> steps, string title)
    {
        writer.WriteLine(title);
        if (steps.Count == 0)
        {
            writer.WriteLine("    (none)");
            return;
        }

        var table = new TextTable("POSITION", "STEP", "STATUS", "OUTPUT");
        foreach (var step in steps)
        {
            table.Add(step.Position, step.Name, Names.Of(step.Status), RunText.Shorten(step.Output));
        }

        table.WriteTo(writer, "    ");
    }
}
