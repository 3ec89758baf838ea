using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>A validated YAML or JSON workflow definition.</summary>
public sealed class WorkflowDefinition
{
    /// <summary>Gets the workflow name runs are started by.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the version the file declares, or <see langword="null"/> to let registration number it.</summary>
    public int? Version { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the JSON Schema the input must satisfy, or <see langword="null"/>.</summary>
    public JsonObject? Inputs { get; init; }

    /// <summary>Gets the environment variable names the workflow may read as <c>env.NAME</c>.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Gets the retry settings of every step that does work (exec, http, script) and sets none, or <see langword="null"/>.</summary>
    public RetryDefinition? Retry { get; init; }

    /// <summary>Gets the deadline of each run, counted from its start, or <see langword="null"/> for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets how many state snapshots to keep per run (<see cref="WorkflowOptions.KeepSnapshots"/>), or <see langword="null"/> to keep all.</summary>
    public int? KeepSnapshots { get; init; }

    /// <summary>Gets what every step that sets no <c>onFailure</c> does once its attempts are exhausted, or <see langword="null"/> (fail).</summary>
    public OnFailureDefinition? OnFailure { get; init; }

    /// <summary>Gets the top-level steps, run in order.</summary>
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>Gets the location of the document's root.</summary>
    public required SourceLocation Location { get; init; }
}
