using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>The answer to an <c>http</c> step's request.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The response and content headers, names in lower case, several values joined with <c>", "</c>.</param>
/// <param name="Body">The body: parsed when the content type is JSON, otherwise the text; <see langword="null"/> when empty.</param>
public sealed record HttpResult(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
{
    /// <summary>Gets the step output: <c>{status, headers, body}</c>.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        var headers = new JsonObject();
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["status"] = Status,
            ["headers"] = headers,
            ["body"] = Body?.DeepClone(),
        };
    }
}
