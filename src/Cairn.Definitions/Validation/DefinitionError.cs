namespace Cairn.Definitions;

/// <summary>One problem found in a definition: where it is, what is wrong and how to fix it.</summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DefinitionError(SourceLocation Location, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Message}";
}
