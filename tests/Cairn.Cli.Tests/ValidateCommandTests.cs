using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn validate</c>: every problem at once, each as file:line:column: message.</summary>
public sealed partial class ValidateCommandTests : IDisposable
{
    private const string Broken = """
        name: broken
        steps:
          - id: fetch
            type: exec
            command: [echo, hi]
          - id: fetch
            type: loop
            while: "true"
            steps:
              - id: inner
                type: script
                code: "1"
        """;

    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Validate_InvalidDefinition_ExitsTwoWithEveryErrorAsFileLineColumn()
    {
        var file = _workspace.Write("broken.yaml", Broken);

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(errors.Length >= 2, result.ToString());
        Assert.All(errors, e => Assert.Matches(ErrorLine(), e));
        Assert.Contains(errors, e => e.StartsWith(file + ":6:9: ", StringComparison.Ordinal) && e.Contains("'fetch'", StringComparison.Ordinal) && e.Contains("line 3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(file + ":6:5: ", StringComparison.Ordinal) && e.Contains("maxIterations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_Json_PrintsEveryErrorWithFileLineAndColumn()
    {
        var file = _workspace.Write("broken.yaml", Broken);

        var result = await _workspace.RunAsync("validate", file, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var errors = result.Json.AsArray();
        Assert.True(errors.Count >= 2, result.ToString());
        foreach (var error in errors)
        {
            Assert.Equal(file, (string?)error!["file"]);
            Assert.True((int)error["line"]! >= 1);
            Assert.True((int)error["column"]! >= 1);
            Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        }

        Assert.Contains(errors, e => (int)e!["line"]! == 6 && (int)e["column"]! == 5 && ((string?)e["message"])!.Contains("maxIterations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MalformedYaml_PointsAtTheLine()
    {
        var file = _workspace.Write("malformed.yaml", """
            name: bad
            steps:
              - id: a: b
                type: exec
            """);

        var result = await _workspace.RunAsync("validate", file, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.Json.AsArray())!;
        Assert.Equal((3, 10), ((int)error["line"]!, (int)error["column"]!));
        Assert.StartsWith(file + ":3:10: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJson_PointsAtTheLine()
    {
        var file = _workspace.Write("malformed.json", """
            {
              "name": "bad",
              "steps": [
                { "id": "a", "type": "exec" "command": ["echo"] }
              ]
            }
            """);

        var result = await _workspace.RunAsync("validate", file, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.Json.AsArray())!;
        Assert.Equal((4, 33), ((int)error["line"]!, (int)error["column"]!));
    }

    [Fact]
    public async Task Validate_ValidDefinition_ExitsZero()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var text = await _workspace.RunAsync("validate", file);
        var json = await _workspace.RunAsync("validate", file, "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("greet", text.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Empty(json.Json.AsArray());
    }

    [Fact]
    public async Task Run_InvalidDefinition_ExitsTwoAndStartsNothing()
    {
        var file = _workspace.Write("broken.yaml", Broken);

        var result = await _workspace.RunAsync("run", file);
        var runs = await _workspace.RunAsync("runs", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(ErrorLine(), result.Stderr.Split('\n')[0].Trim());
        Assert.Empty(runs.Json.AsArray());
    }

    [Fact]
    public async Task Schema_PrintsAJsonSchema()
    {
        var result = await _workspace.RunAsync("schema");

        Assert.True(result.ExitCode == 0, result.ToString());
        var schema = result.Json.AsObject();
        Assert.True(schema.ContainsKey("$schema") || schema.ContainsKey("properties"), result.Stdout);
        Assert.NotNull(JsonNode.Parse(result.Stdout));
    }

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^.+:\d+:\d+: .+$")]
    private static partial Regex ErrorLine();
}
