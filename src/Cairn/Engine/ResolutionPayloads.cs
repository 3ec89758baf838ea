using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Engine;

/// <summary>
/// The JSON of escalations and parks: the wait's detail (the question, or the parked step, with the failure) and the
/// resolution a person sends (<c>"retry"</c>, <c>"skip"</c>, <c>"fail"</c> from a choice answer, or
/// <c>{"action":"skip","value":…}</c> from a resolve).
/// </summary>
internal static class ResolutionPayloads
{
    public static readonly IReadOnlyList<ChoiceOption> Options =
    [
        new("retry", "Retry the step"),
        new("skip", "Skip it and go on"),
        new("fail", "Fail it"),
    ];

    public static Question EscalationQuestion(string subject, string position, FailureInfo failure, int? attempts, string? prompt) =>
        new($"{subject}@{position}", prompt ?? $"Step '{subject}' failed{Attempts(attempts)}: {failure.Type}: {failure.Message}. Retry it, skip it, or fail it?", QuestionKind.Choice, Options);

    /// <summary>The detail of an escalation's wait: the question, with the step and its failure.</summary>
    public static string EscalationDetail(Question question, string subject, FailureInfo failure, int? attempts, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(question, options)!.AsObject();
        node["step"] = subject;
        node["attempts"] = attempts;
        node["failure"] = Failure(failure);
        return node.ToJsonString(JsonText.Options);
    }

    /// <summary>The detail of a park's wait: the step, why it is parked, and its failure (if any).</summary>
    public static string ParkDetail(string subject, string reason, FailureInfo? failure, int? attempts, string? circuit = null)
    {
        var node = new JsonObject { ["step"] = subject, ["reason"] = reason, ["attempts"] = attempts };
        if (failure is not null)
        {
            node["failure"] = Failure(failure);
        }

        if (circuit is not null)
        {
            node["circuit"] = circuit;
        }

        return node.ToJsonString(JsonText.Options);
    }

    /// <summary>The payload a resolve sends.</summary>
    public static string Resolve(Resolution resolution)
    {
        var node = new JsonObject { ["action"] = Name(resolution.Action) };
        if (resolution.Value is { } value)
        {
            node["value"] = JsonNode.Parse(value.GetRawText());
        }

        return node.ToJsonString(JsonText.Options);
    }

    /// <summary>Reads the resolution a wait received.</summary>
    public static Resolution Parse(string? data)
    {
        if (data is null)
        {
            return Resolution.Fail;
        }

        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        var (action, value) = root.ValueKind == JsonValueKind.Object
            ? (root.TryGetProperty("action", out var a) ? a.GetString() : null, root.TryGetProperty("value", out var v) ? v.Clone() : (JsonElement?)null)
            : (root.ValueKind == JsonValueKind.String ? root.GetString() : null, null);
        return action switch
        {
            "retry" => Resolution.Retry,
            "skip" => Resolution.Skip(value),
            _ => Resolution.Fail,
        };
    }

    public static string Name(ResolutionAction action) => action switch
    {
        ResolutionAction.Retry => "retry",
        ResolutionAction.Skip => "skip",
        _ => "fail",
    };

    /// <summary>Reads the failure (type and message) a wait's detail holds, if any.</summary>
    public static (string? Step, FailureInfo? Failure, int? Attempts, string? Reason) Read(string? detail)
    {
        if (detail is null)
        {
            return (null, null, null, null);
        }

        using var doc = JsonDocument.Parse(detail);
        var root = doc.RootElement;
        var step = root.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var attempts = root.TryGetProperty("attempts", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : (int?)null;
        var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        FailureInfo? failure = root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object
            ? new FailureInfo(f.TryGetProperty("type", out var t) ? t.GetString() ?? string.Empty : string.Empty, f.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty)
            : null;
        return (step, failure, attempts, reason);
    }

    private static JsonObject Failure(FailureInfo failure) => new() { ["type"] = failure.Type, ["message"] = failure.Message };

    private static string Attempts(int? attempts) => attempts is { } n ? $" after {n} attempt(s)" : string.Empty;
}
