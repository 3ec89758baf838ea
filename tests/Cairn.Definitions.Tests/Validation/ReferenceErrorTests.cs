namespace Cairn.Definitions.Tests.Validation;

public class ReferenceErrorTests
{
    [Fact]
    public void Parse_ReadOfAnUnknownStep_SuggestsTheClosestId()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - { id: fetch, type: http, url: "https://example.com" }
              - id: report
                type: fail
                message: "Got ${{ steps.fecth.output.body }}"
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 6, 14), error.Location);
        Assert.Equal("a template in 'message' of fail step 'report' reads steps.fecth, but no step has the id 'fecth'; did you mean 'fetch'?", error.Message);
    }

    [Fact]
    public void Parse_ReadsOfStepsInEveryForm_AreChecked()
    {
        var errors = Parse.Errors("""
            name: demo
            steps:
              - { id: build-app, type: exec, command: [make] }
              - id: check
                type: script
                code: |
                  var ok = steps['build-app'].status === 'completed';
                  var text = 'steps.inside.a.string is not a read';
                  function later() { return steps["gone"].output; }
                  ok && steps.build-app && steps['build-app'].outptu;
            """);

        Assert.Equal(
            [
                "'code' of script step 'check' reads steps.gone, but no step has the id 'gone'; use the id of a step of this definition",
                "'code' of script step 'check' reads steps.build, but no step has the id 'build'; use the id of a step of this definition",
                "'code' of script step 'check' reads steps.build-app.outptu, but a step offers only output and status; did you mean 'output'?",
            ],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(new SourceLocation("flow.yaml", 6, 11), e.Location));
    }

    [Fact]
    public void Parse_ReadOfStepsAndEnvWithComputedNames_IsLeftToRunTime()
    {
        var definition = Parse.Valid("""
            name: demo
            env: [HOME]
            steps:
              - { id: a, type: fail, message: "${{ steps[input.which].output + env[input.name] + env.HOME }}" }
            """);

        Assert.Single(definition.Steps);
    }

    [Fact]
    public void Parse_ReadOfAnEnvironmentVariableNotListed_SaysToListIt()
    {
        var error = Parse.Error("""
            name: demo
            env: [HOME]
            steps:
              - id: call
                type: exec
                command: [curl, -H, "Authorization: ${{ env.API_TOKEN }}", "${{ env.HOME }}"]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 6, 25), error.Location);
        Assert.Equal("a template in argument 2 of 'command' of exec step 'call' reads env.API_TOKEN, which the definition does not allow; add API_TOKEN to the top-level env list", error.Message);
    }

    [Fact]
    public void Parse_DuplicateIdsAcrossNesting_AreReportedAtTheLaterId()
    {
        var errors = Parse.Errors("""
            name: demo
            steps:
              - id: build
                type: exec
                command: [make]
              - id: fan
                type: parallel
                branches:
                  - - id: test
                      type: exec
                      command: [make, test]
                  - - id: retry
                      type: loop
                      while: "false"
                      maxIterations: 3
                      steps:
                        - { id: build, type: exec, command: [make] }
                        - { id: test, type: fail, message: m }
            """);

        Assert.Equal(
            [
                "flow.yaml:17:21: step id 'build' is already used by the step at line 3, column 9; ids must be unique in the whole definition, nested steps included, so rename one of them",
                "flow.yaml:18:21: step id 'test' is already used by the step at line 9, column 15; ids must be unique in the whole definition, nested steps included, so rename one of them",
            ],
            errors.Select(e => e.ToString()));
    }
}
