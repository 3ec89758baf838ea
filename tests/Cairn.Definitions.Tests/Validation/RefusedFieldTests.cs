namespace Cairn.Definitions.Tests.Validation;

/// <summary>Common fields that mean nothing on some step types are refused with the reason, not ignored.</summary>
public class RefusedFieldTests
{
    [Theory]
    [InlineData("delay", "duration: 5s", "retry: { maxAttempts: 2 }", "'retry' does not apply to delay step 'it': a delay cannot fail once its duration is valid, so there is nothing to retry; remove it")]
    [InlineData("wait", "event: go", "retry: { maxAttempts: 2 }", "'retry' does not apply to wait step 'it': waiting again after a time-out only waits longer; give the step a longer timeout instead; remove it")]
    [InlineData("ask", "question: Ship?", "retry: { maxAttempts: 2 }", "'retry' does not apply to ask step 'it': asking again after a time-out only waits longer for the same answer; give the step a longer timeout instead; remove it")]
    [InlineData("set", "state: { n: '1' }", "timeout: 5s", "'timeout' does not apply to set step 'it': a set step finishes at once and never waits, so there is nothing to time; remove it")]
    [InlineData("workflow", "name: child", "timeout: 5m", "'timeout' does not apply to workflow step 'it': a parent cannot cut a child run short; bound the child with the top-level timeout of its own definition; remove it")]
    public void Parse_RefusedCommonField_IsReportedAtTheFieldWithTheReason(string type, string own, string refused, string message)
    {
        var error = Parse.Error($"""
            name: demo
            steps:
              - id: it
                type: {type}
                {own}
                {refused}
            """);

        Assert.Equal((new SourceLocation("flow.yaml", 6, 5), message), (error.Location, error.Message));
    }

    [Theory]
    [InlineData("sequence", "steps: [{ id: a, type: script, code: '1' }]")]
    [InlineData("parallel", "branches: [[{ id: a, type: script, code: '1' }]]")]
    [InlineData("loop", "forEach: '[1]'\n    maxIterations: 2\n    steps: [{ id: a, type: script, code: '1' }]")]
    [InlineData("condition", "if: 'true'\n    then: [{ id: a, type: script, code: '1' }]")]
    public void Parse_TimeoutAndRetryOnACompositeStep_AreKept(string type, string own)
    {
        var step = Parse.Valid($"""
            name: demo
            steps:
              - id: it
                type: {type}
                timeout: 5m
                retry: {"{"} maxAttempts: 2, delay: 0s {"}"}
                {own}
            """).Steps.Single();

        Assert.Equal((TimeSpan.FromMinutes(5), 2), (step.Timeout, step.Retry!.MaxAttempts));
    }
}
