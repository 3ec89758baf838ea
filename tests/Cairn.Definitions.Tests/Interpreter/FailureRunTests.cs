using System.Text.Json;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>retry, timeout, onFailure and compensate in definitions, run on the durable engine as a C# workflow's would be.</summary>
public sealed class FailureRunTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Retry_ExitCodeListedInRetryOn_IsRetriedAndAnotherIsNot()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: codes
            steps:
              - id: flaky
                type: exec
                command: [sh, -c, "exit ${{ run.attempt < 3 ? 75 : 0 }}"]
                retry: { maxAttempts: 5, delay: 0s, retryOn: { exitCode: 75 } }
              - id: broken
                type: exec
                command: [sh, -c, "exit 2"]
                retry: { maxAttempts: 5, delay: 0s, retryOn: { exitCode: [75] } }
            """);

        var id = await host.Client.StartAsync("codes");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(3, journal.Single(e => e.Name == "flaky" && e.Kind == JournalEntryKind.StepCompleted).Attempt);
        Assert.Equal(1, journal.Single(e => e.Name == "broken" && e.Kind == JournalEntryKind.StepFailed).Attempt);
        Assert.Equal(typeof(ExecStepException).FullName, run.Error!.Inner!.Type);
    }

    [Fact]
    public async Task Timeout_EachAttemptThatRunsTooLong_FailsAndIsRetriedWhenRetryOnSaysSo()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: slow
            steps:
              - id: nap
                type: exec
                command: [sleep, "30"]
                timeout: 200ms
                retry: { maxAttempts: 2, delay: 0s, retryOn: { timeout: true } }
            """);

        var id = await host.Client.StartAsync("slow");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Equal("Step 'nap' at position 1 failed after 2 attempt(s): System.TimeoutException: Step 'nap' at position 1 timed out after 00:00:00.2000000 (attempt 2).", run.Error!.Message);
    }

    [Fact]
    public async Task OnFailureSkipAndFallback_StandInForTheFailedSteps()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: recover
            steps:
              - id: quote
                type: script
                code: "throw new Error('no prices')"
                onFailure: { action: skip, output: { total: "${{ input.floor }}" } }
              - id: rate
                type: script
                code: "throw new Error('rates unavailable')"
                onFailure:
                  action: fallback
                  steps:
                    - { id: default-rate, type: script, code: "1.5" }
              - id: total
                type: script
                code: "steps.quote.output.total * steps.rate.output"
            """);

        var id = await host.Client.StartAsync("recover", new { floor = 4 });
        var run = await host.WaitForStatusAsync(id, RunStatus.Completed);

        Assert.Equal("6", run.Output);
        var steps = (await host.Client.GetProgressAsync(id)).Steps.ToDictionary(s => s.Name, s => s.Status);
        Assert.Equal((StepStatus.Skipped, StepStatus.Failed, StepStatus.Completed), (steps["quote"], steps["rate"], steps["default-rate"]));
    }

    [Fact]
    public async Task OnFailureCompensate_UndoesCompletedStepsLatestFirstThenFails()
    {
        var log = _folder.File("undo.txt");
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, $$$"""
            name: saga
            steps:
              - id: reserve
                type: script
                code: "'seat'"
                compensate:
                  - { id: release, type: exec, command: [sh, -c, "echo release ${{ steps.reserve.output }} >> '{{{log}}}'"] }
              - id: bundle
                type: sequence
                steps:
                  - { id: pay, type: script, code: "10" }
                compensate:
                  - { id: refund, type: exec, command: [sh, -c, "echo refund ${{ steps.pay.output }} >> '{{{log}}}'"] }
              - id: plain
                type: script
                code: "'nothing to undo'"
              - id: ship
                type: exec
                command: [sh, -c, "exit 1"]
                onFailure: compensate
            """);

        var id = await host.Client.StartAsync("saga");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Equal(["refund 10", "release seat"], await File.ReadAllLinesAsync(log));
        Assert.StartsWith("Step 'ship' at position", run.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnFailurePark_ParksTheRunUntilResolvedWithAValue()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: parked
            steps:
              - id: lookup
                type: script
                code: "throw new Error('service down')"
                onFailure: park
              - id: use
                type: script
                code: "'got ' + steps.lookup.output"
            """);

        var id = await host.Client.StartAsync("parked");
        var parked = await host.WaitForStatusAsync(id, RunStatus.Parked);
        Assert.Equal(WaitKind.Park, Assert.Single(parked.WaitingFor).Kind);
        await host.Client.ResolveAsync(id, Resolution.Skip(JsonSerializer.SerializeToElement("cached")));

        Assert.Equal("\"got cached\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
    }

    [Fact]
    public async Task CircuitBreaker_OpenedByOneRun_ParksAnotherRunsStepWithTheSameKeyBeforeAnyAttempt()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: prices
            steps:
              - id: fetch
                type: script
                code: "throw new Error('pricing is down')"
                retry: { maxAttempts: 3, delay: 0s }
                circuitBreaker: { key: "pricing-${{ input.region }}", threshold: 1, breakFor: 1h }
            """);

        var first = await host.Client.StartAsync("prices", new { region = "eu" });
        var parked = await host.WaitForStatusAsync(first, RunStatus.Parked);
        var second = await host.Client.StartAsync("prices", new { region = "eu" });
        var alsoParked = await host.WaitForStatusAsync(second, RunStatus.Parked);

        Assert.Equal("circuit:pricing-eu", Assert.Single(parked.WaitingFor).Name);
        Assert.Equal(1, (await host.Client.GetJournalAsync(first)).Count(e => e.Kind == JournalEntryKind.StepAttemptFailed));
        Assert.Equal("circuit:pricing-eu", Assert.Single(alsoParked.WaitingFor).Name);
        Assert.DoesNotContain(await host.Client.GetJournalAsync(second), e => e.Kind == JournalEntryKind.StepAttemptFailed);
    }

    [Fact]
    public async Task DefaultsAtTheTop_ApplyToStepsWithoutTheirOwn()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: defaults
            retry: { maxAttempts: 3, delay: 0s }
            onFailure: { action: skip, output: fallback }
            steps:
              - id: flaky
                type: script
                code: "if (run.attempt < 3) throw new Error('busy'); 'third time'"
              - id: broken
                type: script
                code: "throw new Error('always')"
              - id: both
                type: script
                code: "steps.flaky.output + ', ' + steps.broken.output"
            """);

        var id = await host.Client.StartAsync("defaults");

        Assert.Equal("\"third time, fallback\"", (await host.WaitForStatusAsync(id, RunStatus.Completed)).Output);
        Assert.Equal(3, (await host.Client.GetJournalAsync(id)).Count(e => e.Name == "broken" && e.Kind == JournalEntryKind.StepAttemptFailed));
    }

    [Fact]
    public async Task TopLevelTimeout_FailsARunStillWaitingAtItsDeadline()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: bounded
            timeout: 300ms
            steps:
              - { id: gate, type: wait, event: never }
            """);

        var id = await host.Client.StartAsync("bounded");
        var run = await host.WaitForStatusAsync(id, RunStatus.Failed);

        Assert.Equal(typeof(RunDeadlineExceededException).FullName, run.Error!.Type);
    }
}
