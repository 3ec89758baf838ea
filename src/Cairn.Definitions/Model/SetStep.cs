namespace Cairn.Definitions;

/// <summary><c>set</c>: writes durable run state; each value is an expression.</summary>
public sealed class SetStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "set";

    /// <summary>Gets the keys and the expressions giving their new values, in document order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> State { get; init; }
}
