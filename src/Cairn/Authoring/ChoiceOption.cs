using System.Text.Json.Serialization;

namespace Cairn;

/// <summary>One option of a choice question.</summary>
/// <param name="Id">The value the answer carries.</param>
/// <param name="Label">What people see.</param>
public sealed record ChoiceOption([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("label")] string Label);
