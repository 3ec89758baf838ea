namespace Cairn.Definitions.Tests.Parsing;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("name: demo\nsteps:\n  - id: a\n    type: 'exec\n", 4, 11, "YAML syntax error: While scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("name: demo\nsteps:\n  - id: a\n  type: exec\n", 4, 3, "YAML syntax error: While parsing a block collection, did not find expected '-' indicator")]
    [InlineData("name: demo\nsteps:\n  - id: a\n     type: exec\n", 4, 10, "YAML syntax error: While scanning a plain scalar value, found invalid mapping")]
    [InlineData("name: demo\nsteps:\n  - id: a\n    type: exec\n    command: [echo, hi\n  - id: b\n", 6, 3, "YAML syntax error: The document cannot be read past this point; a '[' or '{' may not be closed")]
    [InlineData("name: demo\n\tsteps: []\n", 2, 1, "YAML syntax error: a tab is used for indentation; indent with spaces only")]
    public void Parse_MalformedYaml_ReportsTheLineAndColumn(string text, int line, int column, string message)
    {
        var error = Parse.Error(text, "bad.yaml");

        Assert.Equal(new SourceLocation("bad.yaml", line, column), error.Location);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"name\": \"demo\",\n  \"steps\": [\n    { \"id\": \"a\", \"type\": \"exec\" \"command\": [\"ls\"] }\n  ]\n}\n", 4, 33, "JSON syntax error: '\"' is invalid after a value. Expected either ',', '}', or ']'; fix the JSON at this line and column")]
    [InlineData("{\n  \"name\": \"demo\",\n  \"steps\": [\n    { \"id\": \"a\", \"type\": \"exec\", \"command\": [\"ls\",] }\n  ]\n}\n", 4, 51, "JSON syntax error: a trailing comma; remove the comma after the last item")]
    [InlineData("{\n  \"name\": \"demo\",\n  \"steps\": [\n", 4, 1, "JSON syntax error: the text ends inside an object or array; add the missing '}' or ']'")]
    [InlineData("{\n  \"name\": \"démo-ü\", \"version\": 1 2\n}", 2, 34, "JSON syntax error: '2' is invalid after a value. Expected either ',', '}', or ']'; fix the JSON at this line and column")]
    [InlineData("{\r\n  \"name\": \"demo\",\r\n  // comment\r\n}", 3, 3, "JSON syntax error: '/' is an invalid start of a property name. Expected a '\"'; fix the JSON at this line and column")]
    public void Parse_MalformedJson_ReportsTheLineAndColumnInCharacters(string text, int line, int column, string message)
    {
        var error = Parse.Error(text, "bad.json");

        Assert.Equal(new SourceLocation("bad.json", line, column), error.Location);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_EmptyOrCommentOnlyFile_SaysTheDefinitionIsMissing()
    {
        foreach (var text in new[] { "", "# nothing yet\n" })
        {
            var error = Parse.Error(text);

            Assert.Equal(new SourceLocation("flow.yaml", 1, 1), error.Location);
            Assert.Equal("the file holds no definition; write at least name and steps", error.Message);
        }
    }

    [Fact]
    public void Parse_RootThatIsNotAMapping_IsRejected()
    {
        var error = Parse.Error("- id: a\n- id: b\n");

        Assert.Equal(new SourceLocation("flow.yaml", 1, 1), error.Location);
        Assert.Equal("a definition is a mapping with at least name and steps, not a list", error.Message);
    }

    [Fact]
    public void Parse_SecondYamlDocument_IsReportedWhereItStarts()
    {
        var error = Parse.Error("name: demo\nsteps: [{ id: a, type: fail, message: m }]\n---\nname: other\n");

        Assert.Equal(new SourceLocation("flow.yaml", 3, 1), error.Location);
        Assert.Equal("a file holds one definition, but a second YAML document starts here; remove it or move it to its own file", error.Message);
    }

    [Fact]
    public void Parse_DuplicateKeyInJson_IsReportedAtTheSecondKey()
    {
        var error = Parse.Error("{\n  \"name\": \"demo\",\n  \"name\": \"again\",\n  \"steps\": [{\"id\": \"a\", \"type\": \"fail\", \"message\": \"x\"}]\n}", "flow.json");

        Assert.Equal(new SourceLocation("flow.json", 3, 3), error.Location);
        Assert.Equal("duplicate field 'name' in the definition (first set at line 2, column 3); keep only one of them", error.Message);
    }
}
