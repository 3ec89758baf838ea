using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cairn.Definitions;

/// <summary>
/// Checks a run's input against a definition's <c>inputs</c> JSON Schema before the run is created. Supported
/// keywords: <c>type</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>,
/// <c>const</c>, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>minLength</c>,
/// <c>maxLength</c>, <c>pattern</c>, <c>minItems</c>, <c>maxItems</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>,
/// <c>not</c>, and <c>$ref</c> to a schema in the same document (<c>#/definitions/NAME</c>, <c>#/$defs/NAME</c>, or
/// <c>#</c>); annotations (<c>title</c>, <c>description</c>, <c>default</c>, <c>examples</c>, <c>format</c>,
/// <c>$schema</c>, <c>$id</c>, <c>$comment</c>) are ignored. Parsing a definition rejects any other keyword and any
/// <c>$ref</c> that points elsewhere. A run started without input is checked as the empty object when the schema
/// describes an object, so a schema whose properties are all optional accepts no input.
/// </summary>
public static partial class InputValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Lists every way the input breaks the schema, each with the path of the offending value.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="input">The input, or <see langword="null"/>.</param>
    /// <returns>The problems; empty when the input is valid.</returns>
    public static IReadOnlyList<string> Validate(JsonObject schema, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        if (input is null && schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object")
        {
            input = new JsonObject();
        }

        Check(new Schema(schema, schema, 0), input, "input", problems);
        return problems;
    }

    private static void Check(Schema at, JsonNode? value, string path, List<string> problems)
    {
        if (at.Node["$ref"] is JsonValue reference)
        {
            CheckReference(at, reference.GetValue<string>(), value, path, problems);
        }

        CheckCombinators(at, value, path, problems);
        var schema = at.Node;
        var kind = KindOf(value);
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray many ? many.Select(t => t?.GetValue<string>()).ToArray() : [type.GetValue<string>()];
            if (!allowed.Any(t => t == kind || (t == "number" && kind == "integer")))
            {
                problems.Add($"{path} must be {string.Join(" or ", allowed)}, but is {kind}.");
                return;
            }
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            problems.Add($"{path} must be one of {options.ToJsonString()}, but is {value?.ToJsonString() ?? "null"}.");
        }

        if (schema.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, value))
        {
            problems.Add($"{path} must be {constant?.ToJsonString() ?? "null"}.");
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(at, obj, path, problems);
                break;
            case JsonArray array:
                CheckArray(at, array, path, problems);
                break;
            case JsonValue scalar when kind is "number" or "integer":
                CheckNumber(schema, Number(scalar)!.Value, path, problems);
                break;
            case JsonValue scalar when kind == "string":
                CheckString(schema, scalar.GetValue<string>(), path, problems);
                break;
        }
    }

    private static void CheckObject(Schema at, JsonObject obj, string path, List<string> problems)
    {
        var schema = at.Node;
        foreach (var name in (schema["required"] as JsonArray)?.Select(r => r?.GetValue<string>()) ?? [])
        {
            if (name is not null && !obj.ContainsKey(name))
            {
                problems.Add($"{path}.{name} is required.");
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(at.Into(property), child, $"{path}.{name}", problems);
            }
            else if (schema["additionalProperties"] is JsonObject extra)
            {
                Check(at.Into(extra), child, $"{path}.{name}", problems);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                problems.Add($"{path}.{name} is not allowed (the schema lists the properties an input may have).");
            }
        }
    }

    private static void CheckArray(Schema at, JsonArray array, string path, List<string> problems)
    {
        var schema = at.Node;
        Limit(schema, "minItems", array.Count, (n, min) => n >= min, $"{path} must have at least {{0}} items, but has {array.Count}.", problems);
        Limit(schema, "maxItems", array.Count, (n, max) => n <= max, $"{path} must have at most {{0}} items, but has {array.Count}.", problems);
        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(at.Into(items), array[i], $"{path}[{i}]", problems);
            }
        }
    }

    private static void CheckNumber(JsonObject schema, double n, string path, List<string> problems)
    {
        var shown = n.ToString(CultureInfo.InvariantCulture);
        Limit(schema, "minimum", n, (v, min) => v >= min, $"{path} must be at least {{0}}, but is {shown}.", problems);
        Limit(schema, "maximum", n, (v, max) => v <= max, $"{path} must be at most {{0}}, but is {shown}.", problems);
        Limit(schema, "exclusiveMinimum", n, (v, min) => v > min, $"{path} must be more than {{0}}, but is {shown}.", problems);
        Limit(schema, "exclusiveMaximum", n, (v, max) => v < max, $"{path} must be less than {{0}}, but is {shown}.", problems);
    }

    private static void CheckString(JsonObject schema, string s, string path, List<string> problems)
    {
        Limit(schema, "minLength", s.Length, (n, min) => n >= min, $"{path} must be at least {{0}} characters long.", problems);
        Limit(schema, "maxLength", s.Length, (n, max) => n <= max, $"{path} must be at most {{0}} characters long.", problems);
        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, PatternTimeout))
        {
            problems.Add($"{path} must match the pattern {pattern}.");
        }
    }

    private static void Limit(JsonObject schema, string keyword, double actual, Func<double, double, bool> holds, string message, List<string> problems)
    {
        if (Number(schema[keyword]) is { } limit && !holds(actual, limit))
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, message, limit));
        }
    }

    /// <summary>Reads a number whatever it is backed by (a parsed document, or a long or double from a definition).</summary>
    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => Number(value) is var d && d == Math.Floor(d!.Value) ? "integer" : "number",
        _ => "unknown",
    };
}
