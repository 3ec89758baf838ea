using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <summary>
/// The allowlisted environment variables a run may read. Their values are never written to the journal: every
/// string a definition run hands to the engine (outputs, state, child inputs, event names, questions, failures) is
/// masked first, each value replaced by <c>***</c>.
/// </summary>
/// <remarks>
/// Every non-empty value is masked, however short, wherever it appears: a one-character value masks that character in
/// everything the run records, so allowlist only variables that hold secrets. In a JSON value, strings and object keys
/// are masked, and a number or boolean whose text contains a value becomes the string <c>***</c>.
/// </remarks>
internal sealed class EnvSecrets(JsonObject env)
{
    private const string Masked = "***";

    private readonly string[] _values = env
        .Select(e => e.Value?.GetValue<string>())
        .OfType<string>()
        .Where(v => v.Length > 0)
        .Distinct(StringComparer.Ordinal)
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
            text = text.Replace(value, Masked, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Masks a JSON tree: returns a copy with every string, key and scalar that holds a value masked.</summary>
    public JsonNode? Mask(JsonNode? node)
    {
        if (_values.Length == 0 || node is null)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject obj:
                var masked = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    masked[Mask(key)] = Mask(value?.DeepClone());
                }

                return masked;
            case JsonArray array:
                return new JsonArray(array.Select(item => Mask(item?.DeepClone())).ToArray());
            default:
                var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
                var result = Mask(text);
                return result == text ? node : JsonValue.Create(result);
        }
    }

    /// <summary>Masks a failure's type, message and stack trace, inner failures included.</summary>
    public FailureInfo Mask(FailureInfo failure) => _values.Length == 0
        ? failure
        : new FailureInfo(Mask(failure.Type), Mask(failure.Message), failure.StackTrace is null ? null : Mask(failure.StackTrace), failure.Inner is null ? null : Mask(failure.Inner));
}
