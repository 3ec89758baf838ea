using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Definitions.Parsing;

/// <summary>Converts loaded nodes to JSON values (<c>inputs</c>, an http <c>body</c>, a child's <c>input</c>).</summary>
internal static class JsonValues
{
    /// <summary>Converts a node to JSON, reporting what JSON cannot hold (duplicate keys, infinities).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The node.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="templates">Whether strings may embed templates, which are then checked.</param>
    /// <returns>The JSON value (<see langword="null"/> for null).</returns>
    public static JsonNode? Convert(ParseContext context, Node node, string what, bool templates)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return ConvertScalar(context, scalar, what, templates);
            case SequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(Convert(context, item, what, templates));
                }

                return array;
            default:
                var mapping = (MappingNode)node;
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    if (key is not ScalarNode { Kind: not ScalarKind.Null } name)
                    {
                        context.Error(key, $"a key in {what} is {key.KindText}; JSON object keys are strings");
                    }
                    else if (obj.ContainsKey(name.Value))
                    {
                        context.Error(key, $"duplicate key '{name.Value}' in {what}; keep only one of them");
                    }
                    else
                    {
                        obj[name.Value] = Convert(context, value, what, templates);
                    }
                }

                return obj;
        }
    }

    private static JsonValue? ConvertScalar(ParseContext context, ScalarNode scalar, string what, bool templates)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Bool:
                return JsonValue.Create(scalar.Value is "true" or "True" or "TRUE");
            case ScalarKind.Int when scalar.TryGetInt64(out var whole):
                return JsonValue.Create(whole);
            case ScalarKind.Int or ScalarKind.Float when scalar.TryGetDouble(out var number):
                return decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                    ? JsonValue.Create(exact)
                    : JsonValue.Create(number);
            case ScalarKind.Int or ScalarKind.Float:
                context.Error(scalar, $"{what} holds {scalar.Value}, which JSON cannot represent; use a finite number or quote it as a string");
                return null;
            default:
                if (templates)
                {
                    Values.CheckTemplates(context, scalar, what);
                }

                return JsonValue.Create(scalar.Value);
        }
    }
}
