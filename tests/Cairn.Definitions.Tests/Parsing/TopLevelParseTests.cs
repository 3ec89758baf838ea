namespace Cairn.Definitions.Tests.Parsing;

public class TopLevelParseTests
{
    private const string Yaml = """
        name: orders.import-v2
        version: 3
        description: Imports the day's orders.
        inputs:
          type: object
          required: [day]
          properties:
            day: { type: string, format: date }
            limit: { type: integer, minimum: 1 }
        env: [API_TOKEN, HOME]
        steps:
          - id: fetch
            type: http
            url: https://example.com/orders?day=${{ input.day }}
            headers: { Authorization: "Bearer ${{ env.API_TOKEN }}" }
        """;

    private const string Json = """
        {
          "name": "orders.import-v2",
          "version": 3,
          "description": "Imports the day's orders.",
          "inputs": {
            "type": "object",
            "required": ["day"],
            "properties": {
              "day": { "type": "string", "format": "date" },
              "limit": { "type": "integer", "minimum": 1 }
            }
          },
          "env": ["API_TOKEN", "HOME"],
          "steps": [
            {
              "id": "fetch",
              "type": "http",
              "url": "https://example.com/orders?day=${{ input.day }}",
              "headers": { "Authorization": "Bearer ${{ env.API_TOKEN }}" }
            }
          ]
        }
        """;

    [Fact]
    public void Parse_TopLevelFields_AreRead()
    {
        var definition = Parse.Valid(Yaml);

        Assert.Equal("orders.import-v2", definition.Name);
        Assert.Equal(3, definition.Version);
        Assert.Equal("Imports the day's orders.", definition.Description);
        Assert.Equal(
            """{"type":"object","required":["day"],"properties":{"day":{"type":"string","format":"date"},"limit":{"type":"integer","minimum":1}}}""",
            definition.Inputs!.ToJsonString());
        Assert.Equal(["API_TOKEN", "HOME"], definition.Env);
        Assert.Equal(new SourceLocation("flow.yaml", 1, 1), definition.Location);
    }

    [Fact]
    public void Parse_JsonAndYamlOfTheSameDefinition_GiveTheSameModel()
    {
        var fromYaml = Parse.Valid(Yaml);
        var fromJson = Parse.Valid(Json, "flow.json");

        Assert.Equal(fromYaml.Name, fromJson.Name);
        Assert.Equal(fromYaml.Version, fromJson.Version);
        Assert.Equal(fromYaml.Inputs!.ToJsonString(), fromJson.Inputs!.ToJsonString());
        Assert.Equal(fromYaml.Env, fromJson.Env);
        var yamlStep = Assert.IsType<HttpStep>(Assert.Single(fromYaml.Steps));
        var jsonStep = Assert.IsType<HttpStep>(Assert.Single(fromJson.Steps));
        Assert.Equal(yamlStep.Url, jsonStep.Url);
        Assert.Equal(yamlStep.Headers, jsonStep.Headers);
        Assert.Equal(new SourceLocation("flow.json", 15, 5), jsonStep.Location);
    }

    [Fact]
    public void Parse_OnlyNameAndSteps_LeavesTheRestUnset()
    {
        var definition = Parse.Valid("""
            name: minimal
            steps: [{ id: only, type: fail, message: no }]
            """);

        Assert.Null(definition.Version);
        Assert.Null(definition.Description);
        Assert.Null(definition.Inputs);
        Assert.Empty(definition.Env);
    }

    [Fact]
    public void ParseFile_ReadsYamlAndJsonFilesAndNamesThemInErrors()
    {
        var folder = Directory.CreateTempSubdirectory("cairn-defs-");
        try
        {
            var yamlPath = Path.Combine(folder.FullName, "orders.yaml");
            var jsonPath = Path.Combine(folder.FullName, "orders.json");
            var badPath = Path.Combine(folder.FullName, "bad.yml");
            File.WriteAllText(yamlPath, Yaml);
            File.WriteAllText(jsonPath, Json);
            File.WriteAllText(badPath, "name: bad\nsteps: []\n");

            Assert.Equal("orders.import-v2", DefinitionParser.ParseFile(yamlPath).Name);
            Assert.Equal("orders.import-v2", DefinitionParser.ParseFile(jsonPath).Name);
            var error = Assert.Single(Assert.Throws<DefinitionException>(() => DefinitionParser.ParseFile(badPath)).Errors);
            Assert.Equal(new SourceLocation(badPath, 2, 8), error.Location);
            Assert.Throws<FileNotFoundException>(() => DefinitionParser.ParseFile(Path.Combine(folder.FullName, "missing.yaml")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_TextStartingWithABrace_IsCheckedAsJsonWhateverTheFileName()
    {
        var error = Parse.Error("{\"name\": \"x\",\n \"steps\": [],}", "flow.yaml");

        Assert.StartsWith("JSON syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextWithAByteOrderMark_IsRead()
    {
        Assert.Equal("bom", Parse.Valid("\uFEFFname: bom\nsteps: [{ id: a, type: fail, message: m }]\n").Name);
        Assert.Equal("bom", Parse.Valid("\uFEFF{\"name\": \"bom\", \"steps\": [{\"id\": \"a\", \"type\": \"fail\", \"message\": \"m\"}]}", "f.json").Name);
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        var definition = Parse.Valid("""
            name: aliases
            steps:
              - id: first
                type: exec
                command: &cmd [echo, hi]
              - id: second
                type: exec
                command: *cmd
            """);

        Assert.Equal(["echo", "hi"], Assert.IsType<ExecStep>(definition.Steps[1]).Command);
    }

    [Fact]
    public void Parse_KeepSnapshots_IsReadAndANegativeCountIsAnError()
    {
        Assert.Equal(3, Parse.Valid("name: a\nkeepSnapshots: 3\nsteps:\n  - id: s\n    type: script\n    code: \"1\"\n").KeepSnapshots);
        Assert.Null(Parse.Valid("name: a\nsteps:\n  - id: s\n    type: script\n    code: \"1\"\n").KeepSnapshots);

        var error = Parse.Error("name: a\nkeepSnapshots: -1\nsteps:\n  - id: s\n    type: script\n    code: \"1\"\n");

        Assert.Contains("the definition's keepSnapshots must be a whole number from 0 to", error.Message, StringComparison.Ordinal);
    }
}
