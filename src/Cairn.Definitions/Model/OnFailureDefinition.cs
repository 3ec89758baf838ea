using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>A step's <c>onFailure</c>: what happens once its attempts are exhausted.</summary>
public sealed record OnFailureDefinition
{
    /// <summary>Gets the action.</summary>
    public required FailureAction Action { get; init; }

    /// <summary>Gets the stand-in output of <c>skip</c> (and of a skip chosen for <c>escalate</c> or <c>park</c>); it may hold templates.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Gets the steps <c>fallback</c> runs instead; the output of the last one that runs is the step's output.</summary>
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    /// <summary>Gets the question <c>escalate</c> asks, or <see langword="null"/> for one naming the step and its failure; it may hold templates.</summary>
    public string? Prompt { get; init; }
}
