using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn;

/// <summary>Writes <see cref="QuestionKind"/> as <c>text</c>, <c>approval</c> or <c>choice</c>.</summary>
public sealed class QuestionKindConverter : JsonStringEnumConverter<QuestionKind>
{
    /// <summary>Initializes a new instance of the <see cref="QuestionKindConverter"/> class.</summary>
    public QuestionKindConverter()
        : base(JsonNamingPolicy.CamelCase)
    {
    }
}
