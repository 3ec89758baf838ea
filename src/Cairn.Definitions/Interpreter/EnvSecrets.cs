using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <summary>
/// The allowlisted environment variables a run may read. Their values are never written to the journal: every
/// string a step hands back is masked (each value replaced by <c>***</c>) before it is recorded.
/// </summary>
internal sealed class EnvSecrets(JsonObject env)
{
    /// <summary>Values shorter than this are not masked: they would mask common words and digits.</summary>
    private const int MinMaskedLength = 4;

    private readonly string[] _values = env
        .Select(e => e.Value?.GetValue<string>())
        .OfType<string>()
        .Where(v => v.Length >= MinMaskedLength)
        .OrderByDescending(v => v.Length)
        .ToArray();

    /// <summary>Reads the allowlisted variables; an unset one is <see langword="null"/>.</summary>
    public static JsonObject Read(IReadOnlyList<string> names)
    {
        var env = new JsonObject();
        foreach (var name in names)
        {
            env[name] = Environment.GetEnvironmentVariable(name);
        }

        return env;
    }

    public string Mask(string text)
    {
        foreach (var value in _values)
        {
            text = text.Replace(value, "***", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Masks every string in a JSON tree, in place; returns the tree (a new node when it is itself a string).</summary>
    public JsonNode? Mask(JsonNode? node)
    {
        if (_values.Length == 0 || node is null)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    if (MaskedString(obj[key]) is { } masked)
                    {
                        obj[key] = masked;
                    }
                    else
                    {
                        Mask(obj[key]);
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (MaskedString(array[i]) is { } masked)
                    {
                        array[i] = masked;
                    }
                    else
                    {
                        Mask(array[i]);
                    }
                }

                return array;
            default:
                return MaskedString(node) ?? node;
        }
    }

    private JsonValue? MaskedString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && Mask(s) is var masked && masked != s
            ? JsonValue.Create(masked)
            : null;
}
