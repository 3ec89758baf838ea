namespace Cairn.Definitions.Parsing;

/// <summary>A node of a loaded YAML or JSON document, with where it starts.</summary>
internal abstract class Node
{
    /// <summary>Gets where the node starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Gets how the node's kind reads in an error message ("a string", "a list", ...).</summary>
    public abstract string KindText { get; }
}
