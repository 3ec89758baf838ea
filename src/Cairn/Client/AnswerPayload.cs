using System.Text.Json;
using Cairn.Engine;

namespace Cairn;

/// <summary>Checks an answer against its question and turns it into the stored JSON.</summary>
internal static class AnswerPayload
{
    public static string Validate(Question question, object? answer, Payloads payloads)
    {
        var value = answer is JsonElement element ? element : JsonSerializer.SerializeToElement(answer, payloads.Options);
        switch (question.Kind)
        {
            case QuestionKind.Approval:
                return ToApproval(question, value) ? "true" : "false";
            case QuestionKind.Choice:
                var id = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                var options = question.Options ?? [];
                if (!options.Any(o => o.Id == id))
                {
                    throw new ArgumentException($"'{id}' is not an option of question '{question.Id}'; answer with one of: {string.Join(", ", options.Select(o => $"{o.Id} ({o.Label})"))}.", nameof(answer));
                }

                return JsonSerializer.Serialize(id, payloads.Options);
            default:
                return payloads.Serialize(value, new PayloadSubject("The answer to question '{0}'", question.Id));
        }
    }

    private static bool ToApproval(Question question, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                switch (value.GetString()?.Trim().ToLowerInvariant())
                {
                    case "yes" or "y" or "true" or "approve" or "approved":
                        return true;
                    case "no" or "n" or "false" or "reject" or "rejected":
                        return false;
                }

                break;
        }

        throw new ArgumentException($"Question '{question.Id}' is an approval; answer yes or no (true or false), not {value.GetRawText()}.", "answer");
    }
}
