namespace Cairn.Definitions;

/// <summary><c>loop</c>: repeats <see cref="Steps"/> while an expression holds, or once per item of a list.</summary>
public sealed class LoopStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "loop";

    /// <summary>Gets the expression checked before each iteration, or <see langword="null"/> for <see cref="ForEach"/>.</summary>
    public string? While { get; init; }

    /// <summary>Gets the expression giving the list to iterate (<c>item</c>, <c>index</c>), or <see langword="null"/> for <see cref="While"/>.</summary>
    public string? ForEach { get; init; }

    /// <summary>Gets the body.</summary>
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>Gets the iteration limit; going past it fails the step.</summary>
    public required int MaxIterations { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<StepDefinition> Children => Steps;
}
