using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <summary>Where a list of steps runs: the context (a branch has its own) and the loop item, if any.</summary>
internal sealed class Frame(WorkflowContext context, JsonNode? item, int? index)
{
    public WorkflowContext Context { get; } = context;

    public JsonNode? Item { get; } = item;

    public int? Index { get; } = index;

    public bool HasItem => Index is not null;
}
