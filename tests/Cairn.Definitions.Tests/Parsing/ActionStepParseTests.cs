namespace Cairn.Definitions.Tests.Parsing;

public class ActionStepParseTests
{
    [Fact]
    public void Parse_ExecStep_ReadsCommandEnvCwdStdinAndCommonFields()
    {
        var definition = Parse.Valid("""
            name: build
            steps:
              - id: compile
                type: exec
                name: Compile the solution
                if: input.build !== false
                timeout: 5m
                retry: { maxAttempts: 4, delay: 2s, backoff: 3, maxDelay: 1m }
                command: [dotnet, build, -c, Release, 1, true, "${{ input.project }}"]
                env: { DOTNET_NOLOGO: 1, MODE: fast }
                cwd: src
                stdin: hello
            """);

        var step = Assert.IsType<ExecStep>(Assert.Single(definition.Steps));
        Assert.Equal("compile", step.Id);
        Assert.Equal("exec", step.Type);
        Assert.Equal("Compile the solution", step.Name);
        Assert.Equal("input.build !== false", step.If);
        Assert.Equal(TimeSpan.FromMinutes(5), step.Timeout);
        Assert.Equal(new RetryDefinition { MaxAttempts = 4, Delay = TimeSpan.FromSeconds(2), Backoff = 3, MaxDelay = TimeSpan.FromMinutes(1) }, step.Retry);
        Assert.Equal(["dotnet", "build", "-c", "Release", "1", "true", "${{ input.project }}"], step.Command);
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["MODE"] = "fast" }, step.Env);
        Assert.Equal("src", step.Cwd);
        Assert.Equal("hello", step.Stdin);
        Assert.Equal(new SourceLocation("flow.yaml", 3, 5), step.Location);
        Assert.True(step.HasOutsideEffects);
    }

    [Fact]
    public void Parse_RetryWithoutFields_UsesTheDefaults()
    {
        var definition = Parse.Valid("""
            name: build
            steps:
              - { id: compile, type: exec, command: [make], retry: {} }
            """);

        Assert.Equal(new RetryDefinition(), definition.Steps[0].Retry);
        Assert.Null(definition.Steps[0].Timeout);
    }

    [Fact]
    public void Parse_HttpStep_ReadsMethodUrlHeadersJsonBodyAndStatuses()
    {
        var definition = Parse.Valid("""
            name: notify
            steps:
              - id: post
                type: http
                method: POST
                url: https://example.com/hooks/${{ input.hook }}
                headers: { Content-Type: application/json, X-Attempt: 2 }
                body:
                  text: "Build ${{ steps.post.status }}"
                  count: 3
                  ratio: 0.5
                  ok: true
                  none: null
                  tags: [a, b]
                expectStatus: [200, 202]
              - id: get
                type: http
                url: https://example.com/status
                expectStatus: 204
            """);

        var post = Assert.IsType<HttpStep>(definition.Steps[0]);
        Assert.Equal("POST", post.Method);
        Assert.Equal("https://example.com/hooks/${{ input.hook }}", post.Url);
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Attempt"] = "2" }, post.Headers);
        Assert.Equal(
            """{"text":"Build ${{ steps.post.status }}","count":3,"ratio":0.5,"ok":true,"none":null,"tags":["a","b"]}""",
            post.Body!.ToJsonString());
        Assert.Equal([200, 202], post.ExpectStatus);
        var get = Assert.IsType<HttpStep>(definition.Steps[1]);
        Assert.Equal("GET", get.Method);
        Assert.Null(get.Body);
        Assert.Equal([204], get.ExpectStatus);
    }

    [Fact]
    public void Parse_HttpStepWithStringBody_KeepsItAsAJsonString()
    {
        var definition = Parse.Valid("""
            name: notify
            steps:
              - id: post
                type: http
                method: PUT
                url: http://localhost:8080/items
                body: |
                  plain text
            """);

        var post = Assert.IsType<HttpStep>(definition.Steps[0]);
        Assert.Equal("plain text", post.Body!.GetValue<string>());
    }

    [Fact]
    public void Parse_ScriptStep_KeepsTheCodeAsWritten()
    {
        var definition = Parse.Valid("""
            name: transform
            steps:
              - id: sum
                type: script
                code: |
                  var total = 0;
                  for (var i = 0; i < input.values.length; i++) { total += input.values[i]; }
                  ({ total: total, first: steps.sum === undefined })
            """);

        var step = Assert.IsType<ScriptStep>(Assert.Single(definition.Steps));
        Assert.StartsWith("var total = 0;\nfor (var i = 0;", step.Code, StringComparison.Ordinal);
        Assert.False(step.HasOutsideEffects);
    }

    [Fact]
    public void Parse_WorkflowStep_ReadsTheChildNameVersionAndInput()
    {
        var definition = Parse.Valid("""
            name: parent
            steps:
              - id: child
                type: workflow
                name: nightly.report-v2
                version: 3
                input: { day: "${{ input.day }}", retries: 2 }
            """);

        var step = Assert.IsType<ChildWorkflowStep>(Assert.Single(definition.Steps));
        Assert.Equal("nightly.report-v2", step.Workflow);
        Assert.Null(step.Name);
        Assert.Equal(3, step.Version);
        Assert.Equal("""{"day":"${{ input.day }}","retries":2}""", step.Input!.ToJsonString());
        Assert.True(step.HasOutsideEffects);
    }

    [Fact]
    public void Parse_WorkflowStepWithoutVersionOrInput_LeavesThemUnset()
    {
        var definition = Parse.Valid("""
            name: parent
            steps:
              - { id: child, type: workflow, name: child-flow }
            """);

        var step = Assert.IsType<ChildWorkflowStep>(Assert.Single(definition.Steps));
        Assert.Null(step.Version);
        Assert.Null(step.Input);
    }
}
