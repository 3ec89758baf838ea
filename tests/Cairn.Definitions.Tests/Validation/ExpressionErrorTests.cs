namespace Cairn.Definitions.Tests.Validation;

public class ExpressionErrorTests
{
    [Fact]
    public void Parse_UnparseableCondition_IsLocatedAtTheString()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: build
                type: exec
                if: input.deploy &&
                command: [make]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 9), error.Location);
        Assert.Equal("'if' of exec step 'build' does not parse: the expression ends too early ('input.deploy &&'); fix the JavaScript (check brackets, quotes and operators)", error.Message);
    }

    [Fact]
    public void Parse_UnparseableTemplate_IsLocatedAtTheStringThatHoldsIt()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: call
                type: http
                url: "https://example.com/${{ input.path) }}"
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 10), error.Location);
        Assert.Equal("a template in 'url' of http step 'call' does not parse: Unexpected token ) at line 1, column 11 of the expression ('input.path)'); fix the JavaScript (check brackets, quotes and operators)", error.Message);
    }

    [Fact]
    public void Parse_ModernJavaScript_IsRejectedWithTheSandboxDialect()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: each
                type: loop
                forEach: input.items.filter(x => x.enabled)
                maxIterations: 10
                steps: [{ id: one, type: fail, message: m }]
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 14), error.Location);
        Assert.EndsWith("the sandbox runs ES5 JavaScript, so rewrite arrow functions, template literals, let/const, ?., ?? and spreads in ES5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScriptThatDoesNotParse_NamesTheLineAndColumnInTheCode()
    {
        var error = Parse.Error("""
            name: demo
            steps:
              - id: calc
                type: script
                code: |
                  var a = 1;
                  var b = (a + ;
            """);

        Assert.Equal(new SourceLocation("flow.yaml", 5, 11), error.Location);
        Assert.Equal("'code' of script step 'calc' does not parse: Unexpected token ; at line 2, column 14 of the code; fix the JavaScript (check brackets, quotes and operators)", error.Message);
    }

    [Theory]
    [InlineData("'a) + (b'")]
    [InlineData("'1; 2'")]
    public void Parse_TextThatIsNotOneExpression_IsRejected(string condition)
    {
        var error = Parse.Error($"name: demo\nsteps:\n  - {{ id: a, type: fail, message: m, if: {condition} }}\n");

        Assert.Contains("'if' of fail step 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExpressionMixingTextAndTemplates_IsRejected()
    {
        var error = Parse.Error("name: demo\nsteps:\n  - { id: a, type: fail, message: m, if: 'x ${{ y }}' }\n");

        Assert.Equal(new SourceLocation("flow.yaml", 3, 42), error.Location);
        Assert.Equal("'if' of fail step 'a' is an expression, so it cannot mix text and templates; write the expression bare (a > 1) or wrap all of it in one ${{ }}", error.Message);
    }

    [Theory]
    [InlineData("'${{ input.a'", "'message' of fail step 'a': the template at character 1 is not closed; end it with '}}'")]
    [InlineData("'see ${{  }}'", "'message' of fail step 'a': the template at character 5 is empty; put an expression between '${{' and '}}'")]
    public void Parse_MalformedTemplate_SaysHowToCloseIt(string message, string expected)
    {
        var error = Parse.Error($"name: demo\nsteps:\n  - {{ id: a, type: fail, message: {message} }}\n");

        Assert.Equal(new SourceLocation("flow.yaml", 3, 35), error.Location);
        Assert.Equal(expected, error.Message);
    }
}
