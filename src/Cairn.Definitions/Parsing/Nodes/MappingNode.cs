namespace Cairn.Definitions.Parsing;

/// <summary>A mapping; duplicate keys are kept so that they can be reported.</summary>
internal sealed class MappingNode : Node
{
    /// <summary>Gets the entries in document order.</summary>
    public List<KeyValuePair<Node, Node>> Entries { get; } = [];

    /// <inheritdoc/>
    public override string KindText => "a mapping";
}
