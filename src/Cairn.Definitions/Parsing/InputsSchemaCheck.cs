using System.Text.Json.Nodes;

namespace Cairn.Definitions.Parsing;

/// <summary>
/// Checks that a definition's <c>inputs</c> uses only the JSON Schema keywords <see cref="InputValidator"/> applies
/// (or ignores as annotations), and that every <c>$ref</c> points to a schema in the same <c>inputs</c>: a keyword the
/// validator would skip is reported at its line and column instead of silently accepting input it describes as invalid.
/// </summary>
internal static class InputsSchemaCheck
{
    private const string What = "the definition's inputs";

    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly HashSet<string> OneSchema = ["items", "additionalProperties", "not"];

    /// <summary>Keywords whose value is a list of schemas.</summary>
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf"];

    /// <summary>Keywords whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMaps = ["properties", "definitions", "$defs"];

    /// <summary>Keywords checked on their own value.</summary>
    private static readonly string[] Checked =
    [
        "$ref", "type", "required", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "minItems", "maxItems",
    ];

    /// <summary>Keywords that only describe, and are ignored.</summary>
    private static readonly string[] Annotations = ["title", "description", "default", "examples", "format", "$schema", "$id", "$comment"];

    private static readonly HashSet<string> Plain = [.. Checked, .. Annotations];

    private static readonly string[] Supported = [.. Checked, .. OneSchema, .. SchemaLists, .. SchemaMaps];

    public static void Run(MappingNode schema, JsonObject root, ParseContext context) => Walk(schema, root, context);

    private static void Walk(MappingNode schema, JsonObject root, ParseContext context)
    {
        foreach (var (keyNode, value) in schema.Entries)
        {
            var key = (keyNode as ScalarNode)?.Value ?? string.Empty;
            if (OneSchema.Contains(key))
            {
                WalkSchema(value, key, root, context);
            }
            else if (SchemaLists.Contains(key) && value is SequenceNode list)
            {
                list.Items.ForEach(item => WalkSchema(item, $"an entry of {key}", root, context));
            }
            else if (SchemaMaps.Contains(key) && value is MappingNode map)
            {
                map.Entries.ForEach(entry => WalkSchema(entry.Value, $"'{(entry.Key as ScalarNode)?.Value}' under {key}", root, context));
            }
            else if (key == "$ref")
            {
                CheckReference(value, root, context);
            }
            else if (SchemaLists.Contains(key) || SchemaMaps.Contains(key))
            {
                context.Error(value, $"'{key}' in {What} must be {(SchemaLists.Contains(key) ? "a list of schemas" : "a mapping of names to schemas")}, but is {value.KindText}");
            }
            else if (!Plain.Contains(key))
            {
                context.Error(keyNode, $"'{key}' in {What} is a JSON Schema keyword Cairn does not check; remove it, or express the rule with the keywords it does check: {Suggest.OneOf(key, Supported)}");
            }
        }
    }

    private static void WalkSchema(Node node, string what, JsonObject root, ParseContext context)
    {
        switch (node)
        {
            case MappingNode mapping:
                Walk(mapping, root, context);
                break;
            case ScalarNode { Kind: ScalarKind.Bool } when what == "additionalProperties":
                break;
            default:
                context.Error(node, $"{what} in {What} must be a schema (a mapping), but is {node.KindText}");
                break;
        }
    }

    private static void CheckReference(Node node, JsonObject root, ParseContext context)
    {
        var reference = (node as ScalarNode)?.Value;
        if (reference is null || InputValidator.Resolve(root, reference) is null)
        {
            context.Error(node, $"$ref '{reference}' in {What} does not point to a schema in the same inputs; refer to one under definitions or $defs, such as '#/$defs/address'");
        }
    }
}
