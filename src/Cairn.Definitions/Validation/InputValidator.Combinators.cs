using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <content>Combining schemas (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>) and local <c>$ref</c>s.</content>
public static partial class InputValidator
{
    /// <summary>How many <c>$ref</c>s one check may follow in a row: a schema that refers to itself without consuming input stops here.</summary>
    private const int MaxReferenceDepth = 32;

    /// <summary>Resolves a local reference (<c>#</c>, <c>#/definitions/NAME</c>, <c>#/$defs/NAME</c>, any JSON pointer into the document), or returns <see langword="null"/>.</summary>
    /// <param name="root">The whole schema.</param>
    /// <param name="reference">The <c>$ref</c> value.</param>
    /// <returns>The schema referred to, or <see langword="null"/> when the reference does not point to a schema object in the document.</returns>
    public static JsonObject? Resolve(JsonObject root, string reference)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference == "#")
        {
            return root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            var name = Uri.UnescapeDataString(part).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj ? obj[name] : null;
        }

        return node as JsonObject;
    }

    private static void CheckReference(Schema at, string reference, JsonNode? value, string path, List<string> problems)
    {
        if (at.References >= MaxReferenceDepth)
        {
            problems.Add($"{path} cannot be checked: the schema's $ref '{reference}' refers back to itself more than {MaxReferenceDepth} times without reaching a value.");
        }
        else if (Resolve(at.Root, reference) is { } target)
        {
            Check(at with { Node = target, References = at.References + 1 }, value, path, problems);
        }
        else
        {
            problems.Add($"{path} cannot be checked: the schema's $ref '{reference}' points nowhere in it.");
        }
    }

    private static void CheckCombinators(Schema at, JsonNode? value, string path, List<string> problems)
    {
        foreach (var sub in Subschemas(at.Node, "allOf"))
        {
            Check(at.With(sub), value, path, problems);
        }

        if (at.Node["anyOf"] is JsonArray)
        {
            var outcomes = Subschemas(at.Node, "anyOf").Select(sub => Problems(at.With(sub), value, path)).ToList();
            if (!outcomes.Any(o => o.Count == 0))
            {
                problems.Add($"{path} must match at least one schema of anyOf, but {Describe(outcomes)}.");
            }
        }

        if (at.Node["oneOf"] is JsonArray)
        {
            var outcomes = Subschemas(at.Node, "oneOf").Select(sub => Problems(at.With(sub), value, path)).ToList();
            var matching = outcomes.Select((o, i) => (o, i)).Where(x => x.o.Count == 0).Select(x => (x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (matching.Count == 0)
            {
                problems.Add($"{path} must match exactly one schema of oneOf, but {Describe(outcomes)}.");
            }
            else if (matching.Count > 1)
            {
                problems.Add($"{path} must match exactly one schema of oneOf, but matches {matching.Count} (schemas {string.Join(" and ", matching)}).");
            }
        }

        if (at.Node["not"] is JsonObject not && Problems(at.With(not), value, path).Count == 0)
        {
            problems.Add($"{path} must not match the schema under not.");
        }
    }

    private static IEnumerable<JsonObject> Subschemas(JsonObject schema, string keyword) =>
        (schema[keyword] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static List<string> Problems(Schema at, JsonNode? value, string path)
    {
        var found = new List<string>();
        Check(at, value, path, found);
        return found;
    }

    /// <summary>Says why no schema matched: the first problem with each, numbered.</summary>
    private static string Describe(List<List<string>> outcomes) =>
        string.Join("; ", outcomes.Select((o, i) => $"({i + 1}) {o[0].TrimEnd('.')}"));

    /// <summary>Where a check is: the schema applied, the whole document its references resolve in, and how many references led here.</summary>
    private readonly record struct Schema(JsonObject Node, JsonObject Root, int References)
    {
        /// <summary>A subschema for the same value (allOf, anyOf, oneOf, not): the references followed so far still count.</summary>
        public Schema With(JsonObject node) => this with { Node = node };

        /// <summary>A subschema for a value inside this one (a property or an item): the count starts again.</summary>
        public Schema Into(JsonObject node) => this with { Node = node, References = 0 };
    }
}
