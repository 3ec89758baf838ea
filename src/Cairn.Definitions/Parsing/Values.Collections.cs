namespace Cairn.Definitions.Parsing;

/// <content>Lists and maps.</content>
internal static partial class Values
{
    /// <summary>Reads a list, reporting a value that is not one.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="example">Shows how to write the list, for the message.</param>
    /// <returns>The list, or <see langword="null"/> when absent or not a list.</returns>
    public static SequenceNode? List(ParseContext context, Node? node, string what, string example)
    {
        switch (node)
        {
            case null:
                return null;
            case SequenceNode sequence:
                return sequence;
            default:
                context.Error(node, $"{what} must be a list, not {node.KindText}; write it as {example}");
                return null;
        }
    }

    /// <summary>Reads a mapping, reporting a value that is not one.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="example">Shows how to write the mapping, for the message.</param>
    /// <returns>The mapping, or <see langword="null"/> when absent or not a mapping.</returns>
    public static MappingNode? Mapping(ParseContext context, Node? node, string what, string example)
    {
        switch (node)
        {
            case null:
                return null;
            case MappingNode mapping:
                return mapping;
            default:
                context.Error(node, $"{what} must be a mapping, not {node.KindText}; write it as {example}");
                return null;
        }
    }

    /// <summary>Reads a mapping of names to string, number or boolean values (environment variables, headers).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="isValidKey">Tells whether a key is acceptable.</param>
    /// <param name="keyRule">Says what keys are acceptable, for the message.</param>
    /// <returns>The pairs in document order; empty when absent or not valid.</returns>
    public static Dictionary<string, string> TextMap(ParseContext context, Node? node, string what, Func<string, bool> isValidKey, string keyRule)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping(context, node, what, "a mapping of NAME: value lines") is not { } mapping)
        {
            return result;
        }

        var fields = new Fields(mapping, context, what, allowed: null);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not ScalarNode { Kind: not ScalarKind.Null } key || fields[key.Value] != value)
            {
                continue;
            }

            if (!isValidKey(key.Value))
            {
                context.Error(key, $"'{key.Value}' in {what} is not a valid name: {keyRule}");
                continue;
            }

            if (ScalarText(context, value, $"'{key.Value}' in {what}") is { } text)
            {
                result[key.Value] = text;
            }
        }

        return result;
    }
}
