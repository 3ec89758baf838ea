using System.Text.Json.Serialization;

namespace Cairn;

/// <summary>A question a run asks a person.</summary>
/// <param name="Id">Unique among the run's open questions; answers name it.</param>
/// <param name="Prompt">What is asked.</param>
/// <param name="Kind">What kind of answer is expected.</param>
/// <param name="Options">The options of a choice question.</param>
public sealed record Question(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("kind"), JsonConverter(typeof(QuestionKindConverter))] QuestionKind Kind = QuestionKind.Text,
    [property: JsonPropertyName("options")] IReadOnlyList<ChoiceOption>? Options = null)
{
    /// <summary>Gets the signal name that carries this question's answer.</summary>
    [JsonIgnore]
    public string SignalName => "question:" + Id;
}
