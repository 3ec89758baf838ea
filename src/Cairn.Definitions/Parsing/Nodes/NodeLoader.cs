using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cairn.Definitions.Parsing;

/// <summary>Loads YAML (and JSON, which YAML reads the same way) into <see cref="Node"/>s that keep every key and position.</summary>
/// <remarks>
/// Built on YamlDotNet's event parser rather than its representation model so that a duplicate key is one more
/// reported error instead of an exception that hides every other problem.
/// </remarks>
internal static class NodeLoader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Loads the single document of a text.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="context">Where errors go.</param>
    /// <returns>The document's root, or <see langword="null"/> when the text holds no document.</returns>
    /// <exception cref="YamlException">The text is not well-formed YAML.</exception>
    public static Node? Load(string text, ParseContext context)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            return Load(new Parser(scanner), context);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections; the scanner knows where it stopped.
            var mark = scanner.CurrentPosition;
            throw new YamlException(mark, mark, "The document cannot be read past this point; a '[' or '{' may not be closed.");
        }
    }

    private static Node? Load(Parser parser, ParseContext context)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        parser.Consume<DocumentStart>();
        var root = Read(parser, context, anchors);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            context.Error(
                context.At(second.Start),
                "a file holds one definition, but a second YAML document starts here; remove it or move it to its own file");
        }

        return root;
    }

    private static Node Read(IParser parser, ParseContext context, Dictionary<string, Node> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            var location = context.At(alias.Start);
            context.Error(location, $"the alias '*{alias.Value}' names no anchor defined before it; define '&{alias.Value}' earlier or write the value out");
            return new ScalarNode { Location = location, Value = "", Kind = ScalarKind.Null };
        }

        var start = parser.Consume<NodeEvent>();
        Node node = start switch
        {
            Scalar scalar => ReadScalar(scalar, context),
            SequenceStart => ReadSequence(parser, context, anchors, context.At(start.Start)),
            MappingStart => ReadMapping(parser, context, anchors, context.At(start.Start)),
            _ => throw new YamlException(start.Start, start.End, $"Unexpected {start.GetType().Name}."),
        };
        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static ScalarNode ReadScalar(Scalar scalar, ParseContext context)
    {
        var kind = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StrTag)
            ? ScalarKind.String
            : ScalarNode.ResolvePlain(scalar.Value);
        return new ScalarNode { Location = context.At(scalar.Start), Value = scalar.Value, Kind = kind };
    }

    private static SequenceNode ReadSequence(IParser parser, ParseContext context, Dictionary<string, Node> anchors, SourceLocation location)
    {
        var sequence = new SequenceNode { Location = location };
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            sequence.Items.Add(Read(parser, context, anchors));
        }

        return sequence;
    }

    private static MappingNode ReadMapping(IParser parser, ParseContext context, Dictionary<string, Node> anchors, SourceLocation location)
    {
        var mapping = new MappingNode { Location = location };
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Read(parser, context, anchors);
            var value = Read(parser, context, anchors);
            mapping.Entries.Add(new(key, value));
        }

        return mapping;
    }
}
