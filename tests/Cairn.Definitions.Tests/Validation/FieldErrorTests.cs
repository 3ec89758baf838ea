namespace Cairn.Definitions.Tests.Validation;

public class FieldErrorTests
{
    [Fact]
    public void Parse_MisspelledField_SuggestsTheRightOneAtTheKey()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: build
                type: exec
                comand: [dotnet, build]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 5), error.Location);
        Assert.Equal("unknown field 'comand' in exec step 'build'; did you mean 'command'?", error.Message);
    }

    [Fact]
    public void Parse_MisspelledRequiredField_IsNotAlsoReportedAsMissing()
    {
        var topLevel = Parse.Error("""
            name: demo
            stpes:
              - { id: build, type: exec, command: [make] }
            """);
        var type = Parse.Error("""
            name: demo
            steps:
              - id: build
                tpye: exec
            """);

        Assert.Equal("flow.yaml:2:1: unknown field 'stpes' in the definition; did you mean 'steps'?", topLevel.ToString());
        Assert.Equal("flow.yaml:4:5: unknown field 'tpye' in step 'build'; did you mean 'type'?", type.ToString());
    }

    [Fact]
    public void Parse_FieldOfAnotherStepType_ListsTheAcceptedFields()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: wait
                type: delay
                duration: 5s
                branches: []
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 6, 5), error.Location);
        Assert.Equal("unknown field 'branches' in delay step 'wait'; remove it (accepted fields: id, type, name, if, timeout, onFailure, compensate, duration)", error.Message);
    }

    [Fact]
    public void Parse_UnknownStepType_ListsTheKnownTypesWithASuggestion()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: build
                type: exce
                command: [make]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 4, 11), error.Location);
        Assert.Equal(
            "unknown step type 'exce'; did you mean 'exec'? Use one of: ask, condition, delay, exec, fail, http, loop, parallel, script, sequence, set, wait, workflow",
            error.Message);
    }

    [Fact]
    public void Parse_LoopWithoutMaxIterations_SaysWhyItIsNeededAtTheStep()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: poll
                type: loop
                while: true
                steps: [{ id: wait, type: delay, duration: 1s }]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 3, 5), error.Location);
        Assert.Equal("step 'poll' of type 'loop' needs maxIterations (a positive integer) so a runaway loop stops", error.Message);
    }

    [Fact]
    public void Parse_ChoiceWithoutOptions_IsRejectedAtTheStep()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - { id: pick, type: ask, question: Which?, kind: choice }
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 3, 5), error.Location);
        Assert.Equal("step 'pick' of type 'ask' needs options (a choice question needs a list of options, each { id, label }, for the answer to pick from)", error.Message);
    }

    [Fact]
    public void Parse_StringWhereAListIsNeeded_ShowsHowToWriteTheList()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: build
                type: exec
                command: dotnet build
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 14), error.Location);
        Assert.Equal("'command' of exec step 'build' must be a list, not a string; write it as [program, arg1, arg2] (the command is not run through a shell)", error.Message);
    }

    [Theory]
    [InlineData("version: two", 1, 10, "the definition's version must be a positive whole number such as 3, not 'two'")]
    [InlineData("version: 0", 1, 10, "the definition's version must be a positive whole number such as 3, not '0'")]
    [InlineData("version: '2'", 1, 10, "the definition's version must be a positive whole number such as 3, not '2'; remove the quotes")]
    [InlineData("env: HOME", 1, 6, "the definition's env must be a list, not a string; write it as a list of variable names, such as [HOME, API_TOKEN]")]
    [InlineData("env: [HOME, HOME]", 1, 13, "'HOME' is listed twice in the definition's env; remove one")]
    [InlineData("env: [my-var]", 1, 7, "'my-var' is not valid as an entry of the definition's env: an environment variable name starts with a letter or '_' and holds only letters, digits and '_'")]
    [InlineData("inputs: [a]", 1, 9, "the definition's inputs must be a mapping, not a list; write it as a JSON Schema object, such as { type: object, properties: { ... } }")]
    [InlineData("description: [a]", 1, 14, "the definition's description must be a string, not a list")]
    public void Parse_BadTopLevelValue_IsReportedAtTheValue(string line, int errorLine, int column, string message)
    {
        var error = Parse.Error($"{line}\nname: demo\nsteps: [{{ id: a, type: fail, message: m }}]\n");

        Assert.Equal(new SourceLocation("flow.yaml", errorLine, column), error.Location);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_NameThatIsANumber_AsksForQuotes()
    {
        var error = Parse.Error("name: 2024\nsteps: [{ id: a, type: fail, message: m }]\n");

        Assert.Equal(new SourceLocation("flow.yaml", 1, 7), error.Location);
        Assert.Equal("the definition's name must be a string, not a number; put it in quotes: \"2024\"", error.Message);
    }

    [Fact]
    public void Parse_MissingNameAndSteps_AreReportedAtTheRoot()
    {
        var errors = Parse.Errors("description: nothing else\n");

        Assert.Equal(
            [
                "flow.yaml:1:1: the definition needs a name, such as name: nightly-report (a workflow name holds only letters, digits, '-', '_' and '.')",
                "flow.yaml:1:1: the definition needs steps: a list of steps run in order, each with an id and a type",
            ],
            errors.Select(e => e.ToString()));
    }
}
