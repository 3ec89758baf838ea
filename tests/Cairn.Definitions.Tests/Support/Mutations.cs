using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests;

/// <summary>Variants of a definition with one field removed or given a value of another kind.</summary>
internal static class Mutations
{
    private static readonly string[] Opaque = ["inputs", "body", "input"];

    private static readonly (string Name, Func<JsonNode?> Value)[] Replacements =
    [
        ("number 7", () => JsonValue.Create(7)),
        ("string 'x'", () => JsonValue.Create("x")),
        ("list ['x']", () => new JsonArray("x")),
        ("mapping {x: 1}", () => new JsonObject { ["x"] = 1 }),
        ("true", () => JsonValue.Create(true)),
        ("null", () => null),
        ("number 0", () => JsonValue.Create(0)),
        ("string ''", () => JsonValue.Create("")),
        ("list []", () => new JsonArray()),
        ("mapping {}", () => new JsonObject()),
    ];

    /// <summary>Lists every variant of a definition.</summary>
    public static IEnumerable<(string Description, JsonNode Variant)> Of(JsonNode definition) => Walk(definition, definition, "$");

    private static IEnumerable<(string, JsonNode)> Walk(JsonNode root, JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                var original = obj[name];
                obj.Remove(name);
                yield return ($"{path}.{name} removed", Copy(root));
                foreach (var (kind, value) in Replacements)
                {
                    obj[name] = value();
                    yield return ($"{path}.{name} = {kind}", Copy(root));
                    obj.Remove(name);
                }

                obj[name] = original;
                if (!Opaque.Contains(name))
                {
                    foreach (var variant in Walk(root, original, $"{path}.{name}"))
                    {
                        yield return variant;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var variant in Walk(root, array[i], $"{path}[{i}]"))
                {
                    yield return variant;
                }
            }
        }
    }

    private static JsonNode Copy(JsonNode root) => JsonNode.Parse(root.ToJsonString())!;
}
