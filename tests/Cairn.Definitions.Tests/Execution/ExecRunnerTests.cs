using System.Globalization;
using System.Runtime.Versioning;

namespace Cairn.Definitions.Tests.Execution;

/// <summary>Runs real Unix programs (sh, printf, yes, sleep) and reads /proc to see which processes are left.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ExecRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cairn-exec-").FullName;
    private readonly ExecRunner _runner = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_CapturesStdoutStderrAndExitCode()
    {
        var result = await _runner.RunAsync(new ExecRequest(["sh", "-c", "echo out; echo err >&2; exit 3"]));

        Assert.Equal(new ExecResult(3, "out\n", "err\n"), result);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task RunAsync_ArgumentsAreNotInterpretedByAShell()
    {
        var result = await _runner.RunAsync(new ExecRequest(["printf", "%s|", "a b", "$HOME", "*", "'q'"]));

        Assert.Equal("a b|$HOME|*|'q'|", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_WritesStdinThenClosesIt()
    {
        var result = await _runner.RunAsync(new ExecRequest(["sh", "-c", "tr a-z A-Z; echo done"], Stdin: "hello\nwörld\n"));

        Assert.Equal("HELLO\nWöRLD\ndone\n", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_WithoutStdin_TheProgramSeesItsEnd()
    {
        var result = await _runner.RunAsync(new ExecRequest(["cat"]));

        Assert.Equal(new ExecResult(0, string.Empty, string.Empty), result);
    }

    [Fact]
    public async Task RunAsync_SetsEnvironmentVariables()
    {
        var env = new Dictionary<string, string> { ["CAIRN_GREETING"] = "hi there" };

        var result = await _runner.RunAsync(new ExecRequest(["sh", "-c", "echo \"$CAIRN_GREETING\"; echo \"$PATH\" | grep -c /"], env));

        Assert.Equal("hi there\n1\n", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_RunsInTheWorkingDirectory()
    {
        var result = await _runner.RunAsync(new ExecRequest(["pwd"], WorkingDirectory: _directory));

        Assert.Equal(Path.GetFullPath(_directory), result.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public async Task RunAsync_RelativeProgramPath_IsTakenFromTheWorkingDirectory()
    {
        var script = Path.Combine(_directory, "hello.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho \"hello $1\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await _runner.RunAsync(new ExecRequest(["./hello.sh", "world"], WorkingDirectory: _directory));

        Assert.Equal("hello world\n", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_SaysSo()
    {
        var error = await Assert.ThrowsAsync<StepExecutionException>(() => _runner.RunAsync(new ExecRequest(["cairn-no-such-program", "x"])));

        Assert.Equal("program 'cairn-no-such-program' was not found; check the command's first element or PATH", error.Message);
    }

    [Fact]
    public async Task RunAsync_FileThatIsNotExecutable_SaysItCannotStart()
    {
        var file = Path.Combine(_directory, "data.txt");
        await File.WriteAllTextAsync(file, "not a program");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = await Assert.ThrowsAsync<StepExecutionException>(() => _runner.RunAsync(new ExecRequest([file])));

        Assert.StartsWith($"program '{file}' could not be started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingWorkingDirectory_SaysSo()
    {
        var missing = Path.Combine(_directory, "missing");

        var error = await Assert.ThrowsAsync<StepExecutionException>(() => _runner.RunAsync(new ExecRequest(["pwd"], WorkingDirectory: missing)));

        Assert.Equal($"the working directory '{missing}' does not exist; check the step's cwd", error.Message);
    }

    [Fact]
    public async Task RunAsync_EmptyCommand_SaysWhatIsMissing()
    {
        var error = await Assert.ThrowsAsync<StepExecutionException>(() => _runner.RunAsync(new ExecRequest([])));

        Assert.Contains("the command is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LargeOutputOnBothStreams_IsReadWithoutBlockingAndCut()
    {
        var runner = new ExecRunner(maxCapturedChars: 1000);

        var result = await runner.RunAsync(new ExecRequest(
            ["sh", "-c", "head -c 300000 /dev/zero | tr '\\0' o; head -c 299999 /dev/zero | tr '\\0' e >&2; echo last >&2"]));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            new string('o', 1000) + "\n[output cut: 299,000 characters were not kept; at most 1,000 are kept per stream]",
            result.Stdout);
        Assert.Equal(
            "[output cut: 299,004 characters were not kept; at most 1,000 are kept per stream]\n" + new string('e', 995) + "last\n",
            result.Stderr);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessAndWhatItStarted()
    {
        var pids = Path.Combine(_directory, "pids");
        using var cancel = new CancellationTokenSource();
        var run = _runner.RunAsync(new ExecRequest(["sh", "-c", $"sleep 30 & echo $$ $! > '{pids}.tmp'; mv '{pids}.tmp' '{pids}'; wait"]), cancel.Token);
        while (!File.Exists(pids))
        {
            await Task.Yield();
            Assert.False(run.IsCompleted);
        }

        var ids = (await File.ReadAllTextAsync(pids)).Split(' ', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.All(ids, id => Assert.True(IsAlive(id)));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(IsAlive(ids[0]), "the shell should be gone");
        await WaitUntilAsync(() => !IsAlive(ids[1]));
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_StartsNothing()
    {
        var marker = Path.Combine(_directory, "ran");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync(new ExecRequest(["touch", marker]), new CancellationToken(canceled: true)));

        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void ToJson_HasExitCodeStdoutAndStderr()
    {
        Assert.Equal("""{"exitCode":1,"stdout":"a","stderr":"b"}""", new ExecResult(1, "a", "b").ToJson().ToJsonString());
    }

    [Fact]
    public void DescribeFailure_GivesTheExitCodeAndTheEndOfStderr()
    {
        var longError = new string('x', 3000) + "the real cause\n";

        Assert.Equal("'make' exited with code 2: no rule", new ExecResult(2, "ignored", "no rule\n").DescribeFailure("make"));
        Assert.Equal("'make' exited with code 1 and wrote nothing to standard error", new ExecResult(1, "out", string.Empty).DescribeFailure("make"));
        Assert.EndsWith("the end of its standard error: ..." + new string('x', 1986) + "the real cause", new ExecResult(1, string.Empty, longError).DescribeFailure("make"), StringComparison.Ordinal);
    }

    /// <summary>Whether a process exists and is not a zombie waiting to be reaped.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            patience.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
