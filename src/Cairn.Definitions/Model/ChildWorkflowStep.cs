using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary><c>workflow</c>: runs a child workflow and waits for it. Output: the child's output.</summary>
public sealed class ChildWorkflowStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "workflow";

    /// <summary>Gets the child workflow's name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the version to run, or <see langword="null"/> for the latest.</summary>
    public int? Version { get; init; }

    /// <summary>Gets the child's input (strings may hold templates).</summary>
    public JsonNode? Input { get; init; }

    /// <inheritdoc/>
    public override bool HasOutsideEffects => true;
}
