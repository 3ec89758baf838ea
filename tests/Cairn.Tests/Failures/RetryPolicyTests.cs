using System.Net;

namespace Cairn.Tests.Failures;

public sealed class RetryPolicyTests
{
    [Fact]
    public void DelayWithJitter_WithJitter_SpansTheFractionEitherWayOfTheSchedule()
    {
        var policy = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(10), Jitter = 0.2 };

        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayWithJitter(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayWithJitter(2, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(12), policy.DelayWithJitter(2, 1));
        Assert.Equal(TimeSpan.FromSeconds(24), policy.DelayWithJitter(3, 1));
    }

    [Fact]
    public void DelayWithJitter_WithoutJitter_IgnoresTheSample()
    {
        var policy = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayWithJitter(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayWithJitter(2, 1));
    }

    [Fact]
    public void DelayBefore_InitialDelayLongerThanTheMaximum_KeepsTheInitialDelay()
    {
        var policy = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromHours(1), policy.DelayBefore(2));
        Assert.Equal(TimeSpan.FromHours(1), policy.DelayBefore(4));
    }

    [Fact]
    public void IsRetryable_WithoutFilters_RetriesAnyFailureButAnUnstorableResult()
    {
        var policy = new RetryPolicy { MaxAttempts = 3 };

        Assert.True(policy.IsRetryable(new InvalidOperationException()));
        Assert.False(policy.IsRetryable(new PayloadException("too big")));
        Assert.True(policy.ShouldRetry(new IOException(), 2));
        Assert.False(policy.ShouldRetry(new IOException(), 3));
    }

    [Fact]
    public void IsRetryable_WithFilters_RetriesOnlyWhatMatchesOneOfThem()
    {
        var policy = new RetryPolicy
        {
            MaxAttempts = 3,
            RetryOnExceptions = [typeof(IOException)],
            RetryOnStatusCodes = [429, 503],
            RetryOnExitCodes = [75],
        };

        Assert.True(policy.IsRetryable(new FileNotFoundException()));
        Assert.False(policy.IsRetryable(new InvalidOperationException()));
        Assert.True(policy.IsRetryable(new StatusFailure(503)));
        Assert.False(policy.IsRetryable(new StatusFailure(404)));
        Assert.True(policy.IsRetryable(new HttpRequestException("busy", null, HttpStatusCode.TooManyRequests)));
        Assert.False(policy.IsRetryable(new HttpRequestException("gone", null, HttpStatusCode.Gone)));
        Assert.True(policy.IsRetryable(new ExitFailure(75)));
        Assert.False(policy.IsRetryable(new ExitFailure(1)));
    }

    [Fact]
    public void IsRetryable_WithAPredicate_AddsItToTheOtherFilters()
    {
        var policy = new RetryPolicy { RetryOn = e => e.Message == "again", RetryOnStatusCodes = [503] };

        Assert.True(policy.IsRetryable(new InvalidOperationException("again")));
        Assert.True(policy.IsRetryable(new StatusFailure(503)));
        Assert.False(policy.IsRetryable(new InvalidOperationException("stop")));
    }

    [Fact]
    public void Validate_BadSettings_ReportsEveryProblem()
    {
        var policy = new RetryPolicy { MaxAttempts = 0, InitialDelay = TimeSpan.FromSeconds(-1), BackoffFactor = 0.5, MaxDelay = TimeSpan.FromSeconds(-2), Jitter = 1.5 };

        Assert.Equal(
            [
                "MaxAttempts is 0; set it to 1 or more.",
                "InitialDelay is -00:00:01; set it to zero or more.",
                "BackoffFactor is 0.5; set it to 1 (constant waits) or more.",
                "MaxDelay is -00:00:02; set it to zero or more.",
                "Jitter is 1.5; set it between 0 and 1.",
            ],
            policy.Validate());
        Assert.Empty(new RetryPolicy().Validate());
    }

    private sealed class StatusFailure(int status) : Exception("status " + status), IHttpStatusFailure
    {
        public int StatusCode => status;
    }

    private sealed class ExitFailure(int code) : Exception("exit " + code), IExitCodeFailure
    {
        public int ExitCode => code;
    }
}
