namespace Cairn.Definitions.Parsing;

/// <summary>The fields every step shares, read before the type's own.</summary>
/// <param name="Id">The id (empty when missing or invalid; the definition is then rejected).</param>
/// <param name="Type">The step type (empty when missing or unknown).</param>
/// <param name="Name">The display name.</param>
/// <param name="If">The condition expression.</param>
/// <param name="Timeout">The time limit of one attempt.</param>
/// <param name="Retry">The retry settings.</param>
/// <param name="Location">Where the step starts.</param>
internal sealed record StepCommon(string Id, string Type, string? Name, string? If, TimeSpan? Timeout, RetryDefinition? Retry, SourceLocation Location)
{
    /// <summary>Gets what happens once the step's attempts are exhausted.</summary>
    public OnFailureDefinition? OnFailure { get; init; }

    /// <summary>Gets the step's circuit breaker.</summary>
    public CircuitBreakerDefinition? CircuitBreaker { get; init; }

    /// <summary>Gets the steps that undo the step.</summary>
    public IReadOnlyList<StepDefinition> Compensate { get; init; } = [];

    /// <summary>Gets how messages name the step ("exec step 'build'").</summary>
    public string Subject
    {
        get
        {
            var kind = Type.Length > 0 ? $"{Type} step" : "step";
            return Id.Length > 0 ? $"{kind} '{Id}'" : $"{Article(kind)} {kind}";
        }
    }

    /// <summary>Names a field of the step in messages ("'command' of exec step 'build'").</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The text.</returns>
    public string Field(string field) => $"'{field}' of {Subject}";

    /// <summary>Formats the message for a missing required field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="explanation">What the field holds or why it is needed.</param>
    /// <returns>The message.</returns>
    public string Needs(string field, string explanation) =>
        $"{(Id.Length > 0 ? $"step '{Id}'" : "a step")} of type '{Type}' needs {field} ({explanation})";

    /// <summary>Gets the article for a word in messages: "an exec step", "a loop step".</summary>
    /// <param name="word">The word the article goes before.</param>
    /// <returns>"a" or "an".</returns>
    public static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
