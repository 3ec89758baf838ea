using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cairn.Definitions.Tests;

/// <summary>
/// Validates JSON against the subset of JSON Schema 2020-12 the definition schema uses. It throws on any keyword
/// it does not know, so the schema cannot grow a rule these tests silently ignore.
/// </summary>
internal sealed class SchemaValidator(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description"];

    /// <summary>Lists what is wrong with a value; empty when it is valid.</summary>
    public List<string> Validate(JsonNode? value)
    {
        var errors = new List<string>();
        Check(root, value, "$", errors);
        return errors;
    }

    private bool IsValid(JsonNode schema, JsonNode? value) => Errors(schema, value).Count == 0;

    private List<string> Errors(JsonNode schema, JsonNode? value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private void Check(JsonNode schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var (keyword, argument) in schema.AsObject())
        {
            if (!Annotations.Contains(keyword) && !CheckKeyword(keyword, argument!, schema.AsObject(), value, path, errors))
            {
                errors.Add($"{path}: fails {keyword}");
            }
        }
    }

    private bool CheckKeyword(string keyword, JsonNode argument, JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        switch (keyword)
        {
            case "$ref":
                Check(Resolve((string)argument!), value, path, errors);
                return true;
            case "$defs" or "then" or "else":
                return true;
            case "type":
                return argument is JsonArray types ? types.Any(t => HasType(value, (string)t!)) : HasType(value, (string)argument!);
            case "enum":
                return argument.AsArray().Any(option => JsonNode.DeepEquals(option, value));
            case "const":
                return JsonNode.DeepEquals(argument, value);
            case "pattern":
                return value is not JsonValue text || !text.TryGetValue<string>(out var s) || Regex.IsMatch(s, (string)argument!);
            case "minLength":
                return value is not JsonValue v || !v.TryGetValue<string>(out var str) || str.Length >= (int)argument;
            case "minimum":
                return value is not JsonValue n || !IsNumber(n) || n.GetValue<double>() >= (double)argument;
            case "maximum":
                return value is not JsonValue m || !IsNumber(m) || m.GetValue<double>() <= (double)argument;
            case "minItems":
                return value is not JsonArray a || a.Count >= (int)argument;
            case "uniqueItems":
                return value is not JsonArray u || u.Select(i => i?.ToJsonString()).Distinct().Count() == u.Count;
            case "minProperties":
                return value is not JsonObject o || o.Count >= (int)argument;
            case "required":
                return value is not JsonObject r || argument.AsArray().All(name => r.ContainsKey((string)name!));
            case "properties":
                CheckProperties(argument.AsObject(), value, path, errors);
                return true;
            case "additionalProperties":
                return CheckAdditional(argument, schema, value, path, errors);
            case "propertyNames":
                return value is not JsonObject p || p.All(e => IsValid(argument, JsonValue.Create(e.Key)));
            case "items":
                CheckItems(argument, schema, value, path, errors);
                return true;
            case "prefixItems":
                return value is not JsonArray prefix || argument.AsArray().Select((s, i) => i >= prefix.Count || IsValid(s!, prefix[i])).All(ok => ok);
            case "allOf":
                foreach (var part in argument.AsArray())
                {
                    Check(part!, value, path, errors);
                }

                return true;
            case "anyOf":
                return argument.AsArray().Any(part => IsValid(part!, value));
            case "oneOf":
                return argument.AsArray().Count(part => IsValid(part!, value)) == 1;
            case "not":
                return !IsValid(argument, value);
            case "if":
                var branch = IsValid(argument, value) ? schema["then"] : schema["else"];
                if (branch is not null)
                {
                    Check(branch, value, path, errors);
                }

                return true;
            default:
                throw new NotSupportedException($"The test validator does not know the keyword '{keyword}'.");
        }
    }

    private void CheckProperties(JsonObject properties, JsonNode? value, string path, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            return;
        }

        foreach (var (name, item) in obj)
        {
            if (properties[name] is { } schema)
            {
                Check(schema, item, $"{path}.{name}", errors);
            }
        }
    }

    private bool CheckAdditional(JsonNode argument, JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            return true;
        }

        var known = schema["properties"]?.AsObject();
        var extra = obj.Where(e => known is null || !known.ContainsKey(e.Key)).ToList();
        if (argument is JsonValue flag && flag.TryGetValue<bool>(out var allowed))
        {
            return allowed || extra.Count == 0;
        }

        foreach (var (name, item) in extra)
        {
            Check(argument, item, $"{path}.{name}", errors);
        }

        return true;
    }

    private void CheckItems(JsonNode argument, JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (value is not JsonArray array)
        {
            return;
        }

        // As in 2020-12, items applies to the elements after those prefixItems covers.
        for (var i = schema["prefixItems"]?.AsArray().Count ?? 0; i < array.Count; i++)
        {
            Check(argument, array[i], $"{path}[{i}]", errors);
        }
    }

    private JsonNode Resolve(string reference) =>
        reference.StartsWith("#/$defs/", StringComparison.Ordinal) && root["$defs"]![reference["#/$defs/".Length..]] is { } target
            ? target
            : throw new NotSupportedException($"The test validator cannot resolve '{reference}'.");

    private static bool IsNumber(JsonValue value) => value.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "number" => value is JsonValue n && IsNumber(n),
        "integer" => value is JsonValue i && IsNumber(i) && i.GetValue<double>() is var d && d == Math.Floor(d),
        _ => throw new NotSupportedException($"Unknown type '{type}'."),
    };
}
