using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>
/// The state machine of a circuit breaker, as pure functions of its stored record: whether an attempt may start, and
/// what an attempt's outcome changes. The engine writes the results back with compare-and-set.
/// </summary>
internal static class CircuitRules
{
    /// <summary>Decides whether an attempt may start now.</summary>
    /// <returns>When the attempt must wait until (the step parks), or <see langword="null"/> to go; and the record to write, if it changes.</returns>
    public static (DateTimeOffset? ParkUntil, CircuitRecord? Write) BeforeAttempt(CircuitRecord? current, CircuitBreakerPolicy policy, DateTimeOffset now)
    {
        switch (current?.State)
        {
            case null or CircuitState.Closed:
                return (null, null);
            case CircuitState.Open when now < current.Until:
                return (current.Until, null);
            case CircuitState.Open:
                return (null, Next(current, now) with { State = CircuitState.HalfOpen, Trials = 1, Until = now + policy.BreakDuration });
            case CircuitState.HalfOpen when current.Trials < policy.HalfOpenTrials:
                return (null, Next(current, now) with { Trials = current.Trials + 1 });
            case CircuitState.HalfOpen when now >= current.Until:
                // The trials let through earlier never reported (their host died): start a new trial window.
                return (null, Next(current, now) with { Trials = 1, Until = now + policy.BreakDuration });
            default:
                return (current.Until, null);
        }
    }

    /// <summary>Returns the record after an attempt's outcome, or <see langword="null"/> when nothing changes.</summary>
    public static CircuitRecord? AfterAttempt(CircuitRecord? current, string key, CircuitBreakerPolicy policy, bool succeeded, DateTimeOffset now)
    {
        if (succeeded)
        {
            return current is null or { State: CircuitState.Closed, Failures: 0 }
                ? null
                : Next(current, now) with { State = CircuitState.Closed, Failures = 0, Trials = 0, Until = null };
        }

        var record = current ?? new CircuitRecord { Key = key };
        switch (record.State)
        {
            case CircuitState.Closed when record.Failures + 1 >= policy.FailureThreshold:
                return Open(record, policy, now) with { Failures = record.Failures + 1 };
            case CircuitState.Closed:
                return Next(record, now) with { Failures = record.Failures + 1 };
            case CircuitState.HalfOpen:
                return Open(record, policy, now);
            default:
                return null;
        }
    }

    private static CircuitRecord Open(CircuitRecord record, CircuitBreakerPolicy policy, DateTimeOffset now) =>
        Next(record, now) with { State = CircuitState.Open, Until = now + policy.BreakDuration, Trials = 0, Openings = record.Openings + 1 };

    private static CircuitRecord Next(CircuitRecord record, DateTimeOffset now) => record with { Version = record.Version + 1, UpdatedAt = now };
}
