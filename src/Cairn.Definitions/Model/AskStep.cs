namespace Cairn.Definitions;

/// <summary><c>ask</c>: asks a person and waits for the answer. Output: the answer.</summary>
public sealed class AskStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "ask";

    /// <summary>Gets the question text.</summary>
    public required string Question { get; init; }

    /// <summary>Gets the kind of answer expected.</summary>
    public QuestionKind Kind { get; init; } = QuestionKind.Text;

    /// <summary>Gets the options of a <see cref="QuestionKind.Choice"/> question.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];
}
