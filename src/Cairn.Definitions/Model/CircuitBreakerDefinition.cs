namespace Cairn.Definitions;

/// <summary>A step's <c>circuitBreaker</c> block.</summary>
public sealed record CircuitBreakerDefinition
{
    /// <summary>Gets the target the breaker guards (steps with the same key share it); it may hold templates. For <c>http</c> steps it defaults to the URL's host and port.</summary>
    public string? Key { get; init; }

    /// <summary>Gets how many failed attempts in a row open the breaker.</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>Gets how long the breaker stays open before it half-opens.</summary>
    public TimeSpan BreakFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many attempts may try while it is half-open.</summary>
    public int HalfOpenTrials { get; init; } = 1;
}
