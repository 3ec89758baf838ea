namespace Cairn.Definitions.Parsing;

/// <summary>A list.</summary>
internal sealed class SequenceNode : Node
{
    /// <summary>Gets the items in document order.</summary>
    public List<Node> Items { get; } = [];

    /// <inheritdoc/>
    public override string KindText => "a list";
}
