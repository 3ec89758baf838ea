using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Parsing;

/// <summary>retry (jitter, retryOn), onFailure and compensate on steps, and their defaults at the top level.</summary>
public class FailureParseTests
{
    [Fact]
    public void Parse_FailureSample_ReadsEveryFieldIntoTheModel()
    {
        var definition = DefinitionParser.ParseFile(Samples.PathOf("failures.yaml"));

        Assert.Equal(TimeSpan.FromHours(2), definition.Timeout);
        Assert.Equal(new RetryDefinition { MaxAttempts = 2, Delay = TimeSpan.FromSeconds(1) }, definition.Retry);
        Assert.Equal(FailureAction.Escalate, definition.OnFailure!.Action);
        var steps = definition.Steps.ToDictionary(s => s.Id);
        var reserve = steps["reserve"].Retry!;
        Assert.Equal((5, 0.2, TimeSpan.FromMinutes(1)), (reserve.MaxAttempts, reserve.Jitter, reserve.MaxDelay));
        Assert.Equal([429, 503], reserve.RetryOn!.Status);
        Assert.True(reserve.RetryOn.Timeout);
        Assert.Equal(["release"], steps["reserve"].Compensate.Select(s => s.Id));
        Assert.Equal(new CircuitBreakerDefinition { Threshold = 5, BreakFor = TimeSpan.FromSeconds(30), HalfOpenTrials = 1 }, steps["reserve"].CircuitBreaker);
        Assert.Equal("pricing-${{ input.region }}", steps["quote"].CircuitBreaker!.Key);
        Assert.Equal([75], steps["charge"].Retry!.RetryOn!.ExitCode);
        Assert.Equal((FailureAction.Fallback, "charge-later"), (steps["charge"].OnFailure!.Action, Assert.Single(steps["charge"].OnFailure!.Steps).Id));
        Assert.Equal("""{"total":0}""", steps["quote"].OnFailure!.Output!.ToJsonString());
        Assert.Equal((FailureAction.Escalate, "Notify failed for ${{ run.id }}; retry, skip or fail?"), (steps["notify"].OnFailure!.Action, steps["notify"].OnFailure!.Prompt));
        Assert.Equal(FailureAction.Compensate, steps["ship"].OnFailure!.Action);
        Assert.Equal((FailureAction.Park, "later"), (steps["archive"].OnFailure!.Action, (string?)steps["archive"].OnFailure!.Output));
    }

    [Fact]
    public void Parse_FallbackWrittenAsAName_SaysItNeedsItsSteps()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: call
                type: script
                code: "1"
                onFailure: fallback
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 6, 16), error.Location);
        Assert.Equal("'onFailure' of script step 'call' is fallback, which needs the steps to run instead; write { action: fallback, steps: [...] }", error.Message);
    }

    [Fact]
    public void Parse_UnknownAction_SuggestsTheClosestOne()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - { id: call, type: script, code: "1", onFailure: skp }
            """);

        Assert.Equal("'onFailure' of script step 'call' is 'skp'; did you mean 'skip'? Use one of: compensate, escalate, fail, fallback, park, skip", error.Message);
    }

    [Fact]
    public void Parse_SettingsThatDoNotFitTheAction_AreEachReportedAtTheirField()
    {
        var errors = Parse.Errors("""
            name: demo
            steps:
              - id: a
                type: script
                code: "1"
                onFailure: { action: skip, steps: [{ id: b, type: script, code: "2" }] }
              - id: c
                type: script
                code: "1"
                onFailure: { action: park, prompt: Why? }
              - id: d
                type: script
                code: "1"
                onFailure: { action: compensate, output: 0 }
              - id: e
                type: script
                code: "1"
                onFailure: { action: fallback }
            """);

        Assert.Equal(
            [
                (6, 39, "'steps' of 'onFailure' of script step 'a' applies only to fallback; remove it, or make the action fallback"),
                (10, 40, "'prompt' of 'onFailure' of script step 'c' applies only to escalate; remove it, or make the action escalate"),
                (14, 46, "'output' of 'onFailure' of script step 'd' applies only to skip, escalate and park (the stand-in output of a skip); remove it"),
                (18, 16, "'onFailure' of script step 'e' falls back, so it needs steps: the steps to run instead, whose last output stands for the step's"),
            ],
            errors.Select(e => (e.Location.Line, e.Location.Column, e.Message)));
    }

    [Fact]
    public void Parse_BadRetrySettings_AreEachReported()
    {
        var errors = Parse.Errors("""
            name: demo
            steps:
              - id: a
                type: exec
                command: [make]
                retry: { jitter: 1.5, retryOn: {} }
              - id: b
                type: exec
                command: [make]
                retry: { retryOn: { exitCode: 0, status: 99, timeout: yes } }
            """);

        Assert.Equal(
            [
                "'jitter' of the retry of exec step 'a' is 1.5; give a fraction from 0 to 1, such as 0.2 (each wait varies by up to a fifth either way)",
                "'retryOn' of the retry of exec step 'a' is empty; list what is retried (status, exitCode, timeout), or leave it out to retry any failure",
                "'exitCode' of 'retryOn' of the retry of exec step 'b' must be a whole number from 1 to 255 such as 3, not '0'",
                "'status' of 'retryOn' of the retry of exec step 'b' must be a whole number from 100 to 599 such as 100, not '99'",
                "'timeout' of 'retryOn' of the retry of exec step 'b' must be true or false, not a string",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Parse_CircuitBreakerWithoutAKeyOnAStepThatIsNotHttp_SaysWhatTheKeyIs()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - { id: a, type: exec, command: [make], circuitBreaker: { threshold: 3 } }
            """);

        Assert.Equal("'circuitBreaker' of exec step 'a' needs a key: the name of the target it guards (steps with the same key share one breaker); only http steps default to their URL's host", error.Message);
    }

    [Fact]
    public void Parse_CircuitBreakerOnAStepThatDoesNoWork_IsAnUnknownField()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - { id: a, type: delay, duration: 1s, circuitBreaker: { key: x } }
            """);

        Assert.StartsWith("unknown field 'circuitBreaker' in delay step 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopLevelFallback_IsRefusedAndTheOtherDefaultsAreRead()
    {
        var error = Parse.Error("""
            name: demo
            onFailure: { action: fallback, steps: [{ id: b, type: script, code: "2" }] }
            steps:
              - { id: a, type: script, code: "1" }
            """);

        Assert.Equal("the definition's onFailure cannot be fallback: a fallback replaces one step; set it on that step's onFailure", error.Message);
        var valid = Parse.Valid("""
            name: demo
            timeout: 1h30m
            onFailure: { action: skip, output: [] }
            retry: { maxAttempts: 4 }
            steps:
              - { id: a, type: script, code: "1" }
            """);
        Assert.Equal((TimeSpan.FromMinutes(90), FailureAction.Skip, 4), (valid.Timeout, valid.OnFailure!.Action, valid.Retry!.MaxAttempts));
        Assert.Equal(new JsonArray().ToJsonString(), valid.OnFailure.Output!.ToJsonString());
    }

    [Fact]
    public void Parse_CompensateSteps_AreStepsWithIdsUniqueInTheDefinition()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: a
                type: script
                code: "1"
                compensate:
                  - { id: a, type: script, code: "2" }
            """);

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Location.Line);
    }
}
