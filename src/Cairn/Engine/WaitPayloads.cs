using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>The JSON shapes of wait entries: <c>{"kind","name","dueAt","detail"}</c> when started, <c>{"data"}</c> or <c>{"timedOut":true}</c> when completed.</summary>
internal static class WaitPayloads
{
    public static string Started(WaitRecord wait)
    {
        var node = new JsonObject
        {
            ["kind"] = wait.Kind.ToString().ToLowerInvariant(),
            ["name"] = wait.Name,
        };
        if (wait.DueAt is { } due)
        {
            node["dueAt"] = due.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (wait.Detail is { } detail)
        {
            node["detail"] = JsonNode.Parse(detail);
        }

        return node.ToJsonString(JsonText.Options);
    }

    /// <summary>Rebuilds the open wait a <c>WaitStarted</c> payload describes.</summary>
    public static WaitRecord ToRecord(string position, string? startedPayload)
    {
        using var doc = JsonDocument.Parse(startedPayload ?? "{}");
        var root = doc.RootElement;
        var kind = root.TryGetProperty("kind", out var k) && Enum.TryParse<WaitKind>(k.GetString(), ignoreCase: true, out var parsed) ? parsed : WaitKind.Event;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        DateTimeOffset? due = root.TryGetProperty("dueAt", out var d) ? d.GetDateTimeOffset() : null;
        var detail = root.TryGetProperty("detail", out var x) && x.ValueKind != JsonValueKind.Null ? x.GetRawText() : null;
        return new WaitRecord(position, kind, name, due, detail);
    }

    public static DateTimeOffset? DueAt(string? startedPayload)
    {
        if (startedPayload is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(startedPayload);
        return doc.RootElement.TryGetProperty("dueAt", out var due) ? due.GetDateTimeOffset() : null;
    }

    public static string Completed(WaitResult result) =>
        result.TimedOut ? """{"timedOut":true}""" : result.Data is null ? """{"data":null}""" : "{\"data\":" + result.Data + "}";

    public static WaitResult Parse(string? completedPayload)
    {
        if (completedPayload is null)
        {
            return new WaitResult(null, false);
        }

        using var doc = JsonDocument.Parse(completedPayload);
        var root = doc.RootElement;
        if (root.TryGetProperty("timedOut", out var t) && t.ValueKind == JsonValueKind.True)
        {
            return new WaitResult(null, true);
        }

        return root.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null
            ? new WaitResult(data.GetRawText(), false)
            : new WaitResult(null, false);
    }
}
