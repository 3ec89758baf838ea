using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <summary>
/// Where a list of steps runs: the context (a branch has its own), the loop item, if any, and what an enclosing
/// step lays on the steps inside it: its deadline and its retry.
/// </summary>
internal sealed class Frame(WorkflowContext context, JsonNode? item, int? index)
{
    public WorkflowContext Context { get; } = context;

    public JsonNode? Item { get; } = item;

    public int? Index { get; } = index;

    public bool HasItem => Index is not null;

    /// <summary>Gets the earliest deadline of the enclosing steps with a <c>timeout</c>, or <see langword="null"/>.</summary>
    public StepDeadline? Deadline { get; init; }

    /// <summary>Gets the retry of the nearest enclosing step with one: the default of the steps inside that do work.</summary>
    public RetryDefinition? Retry { get; init; }

    /// <summary>Returns a frame for steps nested in this frame's (a loop iteration, a branch) that keeps its deadline and retry.</summary>
    public Frame Nested(WorkflowContext context, JsonNode? item, int? index) => new(context, item, index) { Deadline = Deadline, Retry = Retry };
}
