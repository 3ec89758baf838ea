namespace Cairn.Definitions;

/// <summary><c>script</c>: sandboxed JavaScript whose completion value is the output.</summary>
public sealed class ScriptStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "script";

    /// <summary>Gets the JavaScript program.</summary>
    public required string Code { get; init; }
}
