namespace Cairn.Definitions;

/// <summary><c>condition</c>: runs <see cref="Then"/> when <see cref="StepDefinition.If"/> is truthy, else <see cref="Else"/>.</summary>
public sealed class ConditionStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "condition";

    /// <summary>Gets the steps run when the condition holds.</summary>
    public required IReadOnlyList<StepDefinition> Then { get; init; }

    /// <summary>Gets the steps run otherwise.</summary>
    public IReadOnlyList<StepDefinition> Else { get; init; } = [];

    /// <inheritdoc/>
    public override IEnumerable<StepDefinition> Children => Then.Concat(Else);
}
