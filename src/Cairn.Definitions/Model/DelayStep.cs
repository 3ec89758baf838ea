namespace Cairn.Definitions;

/// <summary><c>delay</c>: a durable timer.</summary>
public sealed class DelayStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "delay";

    /// <summary>Gets the duration (<c>30s</c>, <c>5m</c>, <c>1h30m</c>; may be a template).</summary>
    public required string Duration { get; init; }
}
