using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Engine;

/// <summary>
/// The payload of <see cref="Journal.JournalEntryKind.StepAttemptFailed"/>: the failure (<see cref="FailureInfo"/>'s
/// fields) and, when another attempt follows, <c>retryAt</c>: when it is due. An attempt failure without
/// <c>retryAt</c> ended the step's attempts (its failure policy took over).
/// </summary>
internal static class AttemptPayloads
{
    private const string RetryAtField = "retryAt";

    public static string Failed(string failure, DateTimeOffset? retryAt)
    {
        if (retryAt is not { } at)
        {
            return failure;
        }

        var node = JsonNode.Parse(failure)!.AsObject();
        node[RetryAtField] = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return node.ToJsonString(JsonText.Options);
    }

    /// <summary>Returns when the next attempt is due, or <see langword="null"/> when the failure ended the attempts.</summary>
    public static DateTimeOffset? RetryAt(string? payload)
    {
        if (payload is null || !payload.Contains(RetryAtField, StringComparison.Ordinal))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(payload);
        return doc.RootElement.TryGetProperty(RetryAtField, out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : null;
    }
}
