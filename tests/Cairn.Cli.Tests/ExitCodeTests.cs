using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>Every class of exit code: 0 completed, 1 failed, 2 usage or validation, 3 suspended, 4 not found.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_CompletedRun_ExitsZeroAndPrintsTheOutput()
    {
        var file = _workspace.Write("greet.yaml", Flows.Greet);

        var result = await _workspace.RunAsync("run", file, "--input", """{"name": "Ada"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("completed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("hello Ada", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailingRun_ExitsOneAndNamesTheStepAndError()
    {
        var file = _workspace.Write("failing.yaml", Flows.Failing);

        var result = await _workspace.RunAsync("run", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("broken", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the warehouse is closed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RunThatAsks_ExitsThreeWithTheAnswerCommand()
    {
        var file = _workspace.Write("approval.yaml", Flows.Approval);

        var result = await _workspace.RunAsync("run", file, "--id", "ask-1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cairn answer ask-1 yes|no --question approve", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_FinishedRuns_CompletedExitsAtOnceFailedRunsItsFailedStepAgain()
    {
        await _workspace.RunAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "done-1");
        await _workspace.RunAsync("run", _workspace.Write("failing.yaml", Flows.Failing), "--id", "failed-1");

        var completed = await _workspace.RunAsync("resume", "done-1");
        var failed = await _workspace.RunAsync("resume", "failed-1");

        Assert.True(completed.ExitCode == 0, completed.ToString());
        Assert.Contains("already completed", completed.Stdout, StringComparison.Ordinal);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("Run failed-1 failed at step 'broken'", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("runs again      broken [2]", failed.Stderr, StringComparison.Ordinal);
        var journal = (await _workspace.RunAsync("journal", "failed-1", "--all", "--json")).Json;
        Assert.Equal("resume", (string?)journal["branches"]![0]!["reason"]);
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
    [InlineData("postgres://localhost/cairn", "PostgreSQL")]
    [InlineData("./cairn.db", "sqlite:PATH")]
    [InlineData("sqlite:", "names no file")]
    public async Task Store_NotSqlite_ExitsTwoAndSaysWhatToWrite(string store, string expected)
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
        await _workspace.RunAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""");

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
