using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Failures;

/// <summary>Which failures are retried, per step and by the workflow's default policy.</summary>
public class RetryFilterTests : EngineTests
{
    private static readonly RetryPolicy Quick = new() { MaxAttempts = 4, InitialDelay = TimeSpan.Zero };

    [Fact]
    public async Task Step_FailureOutsideTheRetryFilter_FailsAfterOneAttempt()
    {
        var attempts = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("filtered", async ctx =>
            await ctx.Step("call", _ =>
            {
                Interlocked.Increment(ref attempts);
                return Throw<int>(new InvalidOperationException("bad request"));
            }, new StepOptions { Retry = Quick with { RetryOnExceptions = [typeof(IOException)] } })));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("filtered"));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, attempts);
        Assert.Equal("Step 'call' at position 1 failed after 1 attempt(s): System.InvalidOperationException: bad request", run.Error!.Message);
    }

    [Fact]
    public async Task Step_RetryableHttpStatus_IsRetriedAndAnotherStatusIsNot()
    {
        var statuses = new Queue<int>([503, 429, 404]);
        var seen = new List<int>();
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("http", async ctx =>
            await ctx.Step("call", _ =>
            {
                var status = statuses.Dequeue();
                seen.Add(status);
                return Throw<int>(new StatusFailure(status));
            }, new StepOptions { Retry = Quick with { RetryOnStatusCodes = [429, 503] } })));

        var id = await host.Client.StartAsync("http");
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal([503, 429, 404], seen);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal([JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepAttemptFailed, JournalEntryKind.StepFailed], journal.Where(e => e.Position == "1").Select(e => e.Kind));
    }

    [Fact]
    public async Task Step_RetryableExitCode_IsRetriedUntilItSucceeds()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("exec", async ctx =>
            await ctx.Step("call", s => s.Attempt < 3 ? throw new ExitFailure(75) : s.Attempt, new StepOptions { Retry = Quick with { RetryOnExitCodes = [75] } })));

        Assert.Equal(3, await host.Client.WaitForOutputAsync<int>(await host.Client.StartAsync("exec")));
    }

    [Fact]
    public async Task Step_WithoutRetry_UsesTheWorkflowDefaultPolicy()
    {
        var attempts = new List<string>();
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("defaults", async ctx =>
        {
            var a = await ctx.Step("inherits", s => Flaky(attempts, "inherits", s, failures: 2));
            var b = await ctx.Step("overrides", s => Flaky(attempts, "overrides", s, failures: 0), new StepOptions { Retry = RetryPolicy.None });
            return a + b;
        }, options: new WorkflowOptions { Retry = Quick }));

        Assert.Equal("inherits:3overrides:1", await host.Client.WaitForOutputAsync<string>(await host.Client.StartAsync("defaults")));
        Assert.Equal(["inherits", "inherits", "inherits", "overrides"], attempts);
    }

    [Fact]
    public async Task Step_StepPolicy_OverridesTheWorkflowDefault()
    {
        var attempts = 0;
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("override", async ctx =>
            await ctx.Step("call", _ =>
            {
                Interlocked.Increment(ref attempts);
                return Throw<int>(new IOException("down"));
            }, new StepOptions { Retry = Quick with { MaxAttempts = 2 } }), options: new WorkflowOptions { Retry = Quick }));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("override"));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Step_InvalidRetryPolicy_FailsTheRunNamingEveryProblem()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("invalid", async ctx =>
            await ctx.Step("call", _ => 1, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 0, Jitter = 2 }, Timeout = TimeSpan.Zero })));

        var run = await host.Client.WaitForCompletionAsync(await host.Client.StartAsync("invalid"));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(
            "The options of a step are not valid: Retry.MaxAttempts is 0; set it to 1 or more. Retry.Jitter is 2; set it between 0 and 1. Timeout is 00:00:00; set it above zero, or leave it unset for none. (Parameter 'options')",
            run.Error!.Message);
    }

    [Fact]
    public async Task AddWorkflow_InvalidWorkflowOptions_ReportsEveryProblemWhenTheHostStarts()
    {
        var error = await Assert.ThrowsAsync<WorkflowRegistrationException>(() => StartHostAsync(b => b.AddWorkflow<int>("invalid", _ => Task.FromResult(1),
            options: new WorkflowOptions { Retry = new RetryPolicy { BackoffFactor = 0 }, Deadline = TimeSpan.FromSeconds(-1) })));

        Assert.Contains("Workflow 'invalid': options.Retry.BackoffFactor is 0; set it to 1 (constant waits) or more.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Workflow 'invalid': options.Deadline is -00:00:01; set it above zero, or leave it unset for none.", error.Message, StringComparison.Ordinal);
    }

    private static string Flaky(List<string> attempts, string name, StepContext s, int failures)
    {
        lock (attempts)
        {
            attempts.Add(name);
        }

        return s.Attempt <= failures ? throw new IOException(name + " down") : $"{name}:{s.Attempt}";
    }

    private static T Throw<T>(Exception error) => throw error;

    private sealed class StatusFailure(int status) : Exception("status " + status), IHttpStatusFailure
    {
        public int StatusCode => status;
    }

    private sealed class ExitFailure(int code) : Exception("exit " + code), IExitCodeFailure
    {
        public int ExitCode => code;
    }
}
