using System.Globalization;

namespace Cairn;

/// <summary>
/// A circuit breaker over a target (an HTTP host, or any name steps share): after <see cref="FailureThreshold"/>
/// failed attempts in a row it opens for <see cref="BreakDuration"/>, and steps that use it are parked — without using
/// up their attempts — until it half-opens; then <see cref="HalfOpenTrials"/> attempts may try: the first success
/// closes it, a failure opens it again.
/// </summary>
/// <remarks>The breaker's state lives in the store, so every run, host and process using the same store shares it.</remarks>
public sealed record CircuitBreakerPolicy
{
    /// <summary>Gets the target the breaker guards; steps with the same key share one breaker.</summary>
    public required string Key { get; init; }

    /// <summary>Gets how many failed attempts in a row open the breaker.</summary>
    /// <value>Defaults to 5.</value>
    public int FailureThreshold { get; init; } = 5;

    /// <summary>Gets how long the breaker stays open before it half-opens.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many attempts may try while the breaker is half-open (the others stay parked).</summary>
    /// <value>Defaults to 1.</value>
    public int HalfOpenTrials { get; init; } = 1;

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Key))
        {
            errors.Add("Key is empty; name the target the breaker guards, such as the host a step calls.");
        }

        if (FailureThreshold < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"FailureThreshold is {FailureThreshold}; set it to 1 or more."));
        }

        if (BreakDuration <= TimeSpan.Zero)
        {
            errors.Add($"BreakDuration is {BreakDuration}; set it above zero.");
        }

        if (HalfOpenTrials < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"HalfOpenTrials is {HalfOpenTrials}; set it to 1 or more."));
        }

        return errors;
    }
}
