using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Every class of exit code: 0 completed, 1 failed, 2 usage or validation, 3 suspended, 4 not found.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_CompletedRun_ExitsZeroAndPrintsTheOutput_AndResumeSaysItIsDone()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var result = await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""", "--id", "done-1");
        var resume = await _workspace.RunAsync("resume", "done-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Run done-1: greet v1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Run done-1 completed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("hello Ada", result.Stdout, StringComparison.Ordinal);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Contains("already completed", resume.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailingRun_ExitsOneAndNamesTheStepAndError_AndResumeRunsTheFailedStepAgain()
    {
        var file = _workspace.Write("failing.yaml", Flows.Failing);

        var result = await _workspace.RunAsync("run", file, "--id", "fail-1");
        var show = (await _workspace.RunAsync("show", "fail-1", "--json")).Json;
        var resume = await _workspace.RunAsync("resume", "fail-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("at step 'broken'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the warehouse is closed", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("failed", (string?)show["status"]);
        Assert.Contains("the warehouse is closed", (string?)show["error"]!["message"], StringComparison.Ordinal);
        Assert.Null(show["output"]);
        Assert.Contains(show["steps"]!.AsArray(), s => (string?)s!["id"] == "broken" && (string?)s["status"] == "failed");
        Assert.True(resume.ExitCode == 1, resume.ToString());
        Assert.Contains("runs again      broken [2]", resume.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run fail-1 failed at step 'broken'", resume.Stderr, StringComparison.Ordinal);
        var journal = (await _workspace.RunAsync("journal", "fail-1", "--all", "--json")).Json;
        Assert.Equal("resume", (string?)journal["branches"]![0]!["reason"]);
    }

    [Fact]
    public async Task Run_RunThatAsks_ExitsThreeWithTheAnswerCommand_AndShowSaysWhatItWaitsFor()
    {
        var file = _workspace.Write("approval.yaml", Flows.Approval);

        var result = await _workspace.RunAsync("run", file, "--id", "ask-1");
        var show = (await _workspace.RunAsync("show", "ask-1", "--json")).Json;

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cairn answer ask-1 yes|no --question approve", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("suspended", (string?)show["status"]);
        var wait = Assert.Single(show["waitingFor"]!.AsArray())!;
        Assert.Equal("question", (string?)wait["kind"]);
        Assert.Equal("approve", (string?)wait["name"]);
        Assert.Equal("Ship order 42?", (string?)wait["question"]!["prompt"]);
        Assert.Equal("approval", (string?)wait["question"]!["kind"]);
    }

    [Theory]
    [InlineData("runs", "--bogus")]
    [InlineData("show")]
    [InlineData("frobnicate")]
    [InlineData("worker", "--concurrency", "0")]
    [InlineData("runs", "--status", "sleeping")]
    public async Task UsageError_ExitsTwoWithAHintOnStandardError(params string[] args)
    {
        var result = await _workspace.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Run_InputThatIsNotJson_ExitsTwo()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var result = await _workspace.RunAsync("run", file, "--input", "{name: Ada");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--input is not valid JSON", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BothInputOptions_ExitsTwo()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);
        var input = _workspace.Write("input.json", """{"name": "Ada"}""");

        var result = await _workspace.RunAsync("run", file, "--input", "{}", "--input-file", input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--input and --input-file", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://localhost/cairn", "not one cairn knows")]
    [InlineData("postgres://cairn@localhost", "names no database")]
    [InlineData("./cairn.db", "sqlite:PATH")]
    [InlineData("sqlite:", "names no file")]
    public async Task Store_Unusable_ExitsTwoAndSaysWhatToWrite(string store, string expected)
    {
        var result = await _workspace.RunRawAsync(new Dictionary<string, string?>(), "runs", "--store", store);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_FromTheEnvironment_IsUsedWhenNoOptionIsGiven()
    {
        var result = await _workspace.RunRawAsync(new Dictionary<string, string?> { ["CAIRN_STORE"] = "oracle:prod" }, "runs");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("oracle:prod", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownRun_ExitsFour()
    {
        await _workspace.RunAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--detach");

        var result = await _workspace.RunAsync("show", "no-such-run");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("no-such-run", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("journal")]
    [InlineData("resume")]
    [InlineData("cancel")]
    public async Task RunCommand_StoreThatDoesNotExist_ExitsFourWithoutCreatingIt(string command)
    {
        var result = await _workspace.RunAsync(command, "some-run");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.False(File.Exists(_workspace.File("cairn.db")));
    }

    [Fact]
    public async Task Run_MissingFile_ExitsFour()
    {
        var result = await _workspace.RunAsync("run", "nowhere.yaml");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("nowhere.yaml", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
