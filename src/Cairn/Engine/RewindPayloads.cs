using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Engine;

/// <summary>
/// The JSON shapes of the entries resume strategies write: <c>RunRewound</c> <c>{"strategy","branch",…}</c>,
/// <c>StateEdited</c> <c>{"scope","key","old","new"}</c>, <c>InputEdited</c> <c>{"old","new"}</c> and
/// <c>RunCreatedFrom</c> <c>{"runId","strategy","checkpoint","sequence"}</c>.
/// </summary>
internal static class RewindPayloads
{
    public static int Branch(string? rewoundPayload)
    {
        if (rewoundPayload is null)
        {
            return 0;
        }

        using var doc = JsonDocument.Parse(rewoundPayload);
        return doc.RootElement.TryGetProperty("branch", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt32() : 0;
    }

    public static string? ChildRunId(string? childStartedPayload)
    {
        if (childStartedPayload is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(childStartedPayload);
        return doc.RootElement.TryGetProperty("childRunId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    public static string StateEdit(string key, string? old, string? value) => new JsonObject
    {
        ["scope"] = "run",
        ["key"] = key,
        ["old"] = Parse(old),
        ["new"] = Parse(value),
    }.ToJsonString(JsonText.Options);

    /// <summary>Reads a state edit: the key and the new JSON value (<see langword="null"/> removes the key).</summary>
    public static (string Key, string? Value) ReadStateEdit(string? payload)
    {
        using var doc = JsonDocument.Parse(payload ?? "{}");
        var root = doc.RootElement;
        var key = root.TryGetProperty("key", out var k) ? k.GetString() ?? string.Empty : string.Empty;
        return (key, root.TryGetProperty("new", out var v) && v.ValueKind != JsonValueKind.Null ? v.GetRawText() : null);
    }

    public static string InputEdit(string? old, string? value) => new JsonObject
    {
        ["old"] = Parse(old),
        ["new"] = Parse(value),
    }.ToJsonString(JsonText.Options);

    public static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
