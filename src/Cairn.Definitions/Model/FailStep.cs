namespace Cairn.Definitions;

/// <summary><c>fail</c>: fails the run with a message.</summary>
public sealed class FailStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "fail";

    /// <summary>Gets the message (may hold templates).</summary>
    public required string Message { get; init; }
}
