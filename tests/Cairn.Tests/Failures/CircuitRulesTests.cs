using Cairn.Engine;
using Cairn.Storage;

namespace Cairn.Tests.Failures;

/// <summary>The breaker's state machine: closed → open after the threshold → half-open after the break → closed or open again.</summary>
public sealed class CircuitRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CircuitBreakerPolicy Policy = new() { Key = "api", FailureThreshold = 3, BreakDuration = TimeSpan.FromMinutes(1), HalfOpenTrials = 2 };

    [Fact]
    public void AfterAttempt_FailuresInARow_OpenTheBreakerAtTheThreshold()
    {
        var c = After(null, false, T0);
        c = After(c, false, T0);
        Assert.Equal((CircuitState.Closed, 2), (c!.State, c.Failures));

        c = After(c, false, T0.AddSeconds(5));

        Assert.Equal((CircuitState.Open, 3, T0.AddSeconds(65), 1L, 3L), (c!.State, c.Failures, c.Until, c.Openings, c.Version));
    }

    [Fact]
    public void AfterAttempt_SuccessWhileClosed_ResetsTheCountAndWritesNothingWhenThereIsNone()
    {
        var c = After(After(null, false, T0), true, T0);

        Assert.Equal((CircuitState.Closed, 0), (c!.State, c.Failures));
        Assert.Null(CircuitRules.AfterAttempt(c, "api", Policy, succeeded: true, T0));
        Assert.Null(CircuitRules.AfterAttempt(null, "api", Policy, succeeded: true, T0));
    }

    [Fact]
    public void BeforeAttempt_OpenBreaker_ParksUntilTheBreakEndsThenLetsTheTrialsThrough()
    {
        var open = new CircuitRecord { Key = "api", State = CircuitState.Open, Until = T0.AddMinutes(1), Version = 4 };

        Assert.Equal((T0.AddMinutes(1), (CircuitRecord?)null), CircuitRules.BeforeAttempt(open, Policy, T0.AddSeconds(59)));
        var (go, first) = CircuitRules.BeforeAttempt(open, Policy, T0.AddMinutes(1));
        Assert.Null(go);
        Assert.Equal((CircuitState.HalfOpen, 1, T0.AddMinutes(2), 5L), (first!.State, first.Trials, first.Until, first.Version));
        var (alsoGo, second) = CircuitRules.BeforeAttempt(first, Policy, T0.AddMinutes(1));
        Assert.Null(alsoGo);
        Assert.Equal(2, second!.Trials);
        Assert.Equal((T0.AddMinutes(2), (CircuitRecord?)null), CircuitRules.BeforeAttempt(second, Policy, T0.AddMinutes(1.5)));
    }

    [Fact]
    public void BeforeAttempt_HalfOpenTrialsThatNeverReported_StartANewTrialWindow()
    {
        var stuck = new CircuitRecord { Key = "api", State = CircuitState.HalfOpen, Trials = 2, Until = T0, Version = 7 };

        var (go, write) = CircuitRules.BeforeAttempt(stuck, Policy, T0);

        Assert.Null(go);
        Assert.Equal((1, T0.AddMinutes(1)), (write!.Trials, write.Until));
    }

    [Fact]
    public void AfterAttempt_HalfOpenTrial_ClosesOnSuccessAndOpensAgainOnFailure()
    {
        var halfOpen = new CircuitRecord { Key = "api", State = CircuitState.HalfOpen, Failures = 3, Trials = 1, Until = T0, Openings = 1, Version = 5 };

        var closed = After(halfOpen, true, T0);
        var reopened = After(halfOpen, false, T0);

        Assert.Equal((CircuitState.Closed, 0, 0, (DateTimeOffset?)null), (closed!.State, closed.Failures, closed.Trials, closed.Until));
        Assert.Equal((CircuitState.Open, T0.AddMinutes(1), 2L), (reopened!.State, reopened.Until, reopened.Openings));
    }

    [Fact]
    public void Validate_BadSettings_ReportsEveryProblem()
    {
        var problems = new CircuitBreakerPolicy { Key = " ", FailureThreshold = 0, BreakDuration = TimeSpan.Zero, HalfOpenTrials = 0 }.Validate();

        Assert.Equal(
            [
                "Key is empty; name the target the breaker guards, such as the host a step calls.",
                "FailureThreshold is 0; set it to 1 or more.",
                "BreakDuration is 00:00:00; set it above zero.",
                "HalfOpenTrials is 0; set it to 1 or more.",
            ],
            problems);
    }

    private static CircuitRecord? After(CircuitRecord? current, bool succeeded, DateTimeOffset now) =>
        CircuitRules.AfterAttempt(current, "api", Policy, succeeded, now) ?? current;
}
