namespace Cairn.Definitions;

/// <summary><c>sequence</c>: runs steps in order, as one step.</summary>
public sealed class SequenceStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "sequence";

    /// <summary>Gets the steps.</summary>
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<StepDefinition> Children => Steps;
}
