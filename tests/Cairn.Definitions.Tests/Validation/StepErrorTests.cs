namespace Cairn.Definitions.Tests.Validation;

public class StepErrorTests
{
    [Fact]
    public void Parse_FileWithThreeProblems_ReportsAllThreeInDocumentOrder()
    {
        var exception = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse("""
            name: demo
            steps:
              - id: fetch
                type: http
                url: example.com/data
              - id: wait
                type: delay
                duration: 5 minutes
              - id: check
                type: condition
                then: [{ id: done, type: fail, message: stop }]
            """, "flow.yaml"));

        Assert.Equal(
            [
                "flow.yaml:5:10: 'example.com/data' in 'url' of http step 'fetch' is not an absolute http or https URL; write it in full, such as https://example.com/api",
                "flow.yaml:8:15: '5 minutes' in 'duration' of delay step 'wait' is not a duration; write whole numbers with the units d, h, m, s or ms, largest first, such as 500ms, 30s, 5m or 1h30m",
                "flow.yaml:9:5: step 'check' of type 'condition' needs if (the expression that chooses between then and else, such as input.approved)",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.StartsWith("3 problems in the definition:", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ type: exec, command: [ls] }", 3, 5, "an exec step needs an id, such as id: build; other steps refer to it as steps.<id> (an id starts with a letter or '_' and holds only letters, digits, '_' and '-')")]
    [InlineData("{ id: 9lives, type: fail, message: m }", 3, 11, "'9lives' is not valid as a step id: an id starts with a letter or '_' and holds only letters, digits, '_' and '-'")]
    [InlineData("{ id: a }", 3, 5, "step 'a' needs a type, one of: ask, condition, delay, exec, fail, http, loop, parallel, script, sequence, set, wait, workflow")]
    [InlineData("{ id: a, type: exec }", 3, 5, "step 'a' of type 'exec' needs command (the program and its arguments as a list, such as [dotnet, build])")]
    [InlineData("{ id: a, type: exec, command: [] }", 3, 35, "'command' of exec step 'a' is empty; give at least the program, such as [dotnet, build]")]
    [InlineData("{ id: a, type: exec, command: [ls], env: { 1X: y } }", 3, 48, "'1X' in 'env' of exec step 'a' is not a valid name: an environment variable name starts with a letter or '_' and holds only letters, digits and '_'")]
    [InlineData("{ id: a, type: exec, command: [ls], timeout: 0s }", 3, 50, "'timeout' of exec step 'a' must be longer than 0; write a duration such as 30s")]
    [InlineData("{ id: a, type: exec, command: [ls], timeout: 30 }", 3, 50, "'timeout' of exec step 'a' needs a unit: write 30s for seconds (write whole numbers with the units d, h, m, s or ms, largest first, such as 500ms, 30s, 5m or 1h30m)")]
    [InlineData("{ id: a, type: exec, command: [ls], timeout: '${{ input.t }}' }", 3, 50, "'timeout' of exec step 'a' must be a fixed duration such as 30s; templates are not accepted here")]
    [InlineData("{ id: a, type: exec, command: [ls], retry: { maxAttempts: 0 } }", 3, 63, "'maxAttempts' of the retry of exec step 'a' must be a positive whole number such as 3, not '0'")]
    [InlineData("{ id: a, type: exec, command: [ls], retry: { backoff: 0.5 } }", 3, 59, "'backoff' of the retry of exec step 'a' must be a number of at least 1, such as 2, not '0.5'")]
    [InlineData("{ id: a, type: exec, command: [ls], retry: { delay: 10s, maxDelay: 5s } }", 3, 72, "'maxDelay' of the retry of exec step 'a' is shorter than its delay; make it at least as long as delay (00:00:10)")]
    [InlineData("{ id: a, type: http, url: 'https://x.test', method: get }", 3, 57, "'get' in 'method' of http step 'a' is not an HTTP method Cairn sends; did you mean 'GET'? Use one of: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")]
    [InlineData("{ id: a, type: http, url: 'https://x.test', expectStatus: [200, 700] }", 3, 69, "'expectStatus' of http step 'a' must be a whole number from 100 to 599 such as 100, not '700'")]
    [InlineData("{ id: a, type: script, code: '${{ input.x }}' }", 3, 34, "'code' of script step 'a' is JavaScript run as written, so ${{ }} templates are not expanded in it; read values directly, such as input.name or steps.fetch.output")]
    [InlineData("{ id: a, type: workflow, name: 'child flow' }", 3, 36, "'child flow' is not valid as 'name' of workflow step 'a': a workflow name holds only letters, digits, '-', '_' and '.'")]
    [InlineData("{ id: a, type: delay, duration: '' }", 3, 37, "'' in 'duration' of delay step 'a' is not a duration; write whole numbers with the units d, h, m, s or ms, largest first, such as 500ms, 30s, 5m or 1h30m")]
    [InlineData("{ id: a, type: wait }", 3, 5, "step 'a' of type 'wait' needs event (the name of the event to wait for, as sent by cairn signal)")]
    [InlineData("{ id: a, type: ask, question: Why?, kind: yesno }", 3, 47, "'yesno' in 'kind' of ask step 'a' is not a question kind; use one of: text, approval, choice")]
    [InlineData("{ id: a, type: ask, question: Why?, options: [{ id: x }] }", 3, 50, "'options' of ask step 'a' only applies to choice questions; add kind: choice or remove options")]
    [InlineData("{ id: a, type: ask, question: Pick, kind: choice, options: [{ id: x }, { id: x }] }", 3, 82, "ask step 'a' has two options with id 'x'; give each option its own id")]
    [InlineData("{ id: a, type: set, state: { my-key: 1 } }", 3, 34, "'my-key' in 'state' of set step 'a' is not a valid key: a state key starts with a letter, '_' or '$' and holds only letters, digits, '_' and '$', so that state.<key> reads it")]
    [InlineData("{ id: a, type: fail, message: '' }", 3, 35, "'message' of fail step 'a' is empty; write the error the run fails with")]
    [InlineData("{ id: a, type: loop, while: 'true', forEach: '[1]', maxIterations: 2, steps: [{ id: b, type: fail, message: m }] }", 3, 5, "loop step 'a' has both while and forEach; keep one: while repeats as long as an expression holds, forEach runs once per item of a list")]
    [InlineData("{ id: a, type: parallel, branches: [{ id: b, type: fail, message: m }] }", 3, 41, "branch 1 of parallel step 'a' is a single step, but each branch is a list of steps; start the branch with '- - id: ...' or put its steps in a nested list")]
    [InlineData("{ id: a, type: sequence, steps: [] }", 3, 37, "'steps' of sequence step 'a' is empty; add at least one step")]
    [InlineData("{ id: a, type: sequence, steps: [b] }", 3, 38, "each entry of 'steps' of sequence step 'a' must be a step (a mapping with id and type), not a string")]
    public void Parse_BadStep_IsReportedWhereTheProblemIs(string step, int line, int column, string message)
    {
        var error = Parse.Error($"name: demo\nsteps:\n  - {step}\n");

        Assert.Equal(new SourceLocation("flow.yaml", line, column), error.Location);
        Assert.Equal(message, error.Message);
    }
}
