using System.Diagnostics;
using System.Text;

namespace Cairn.Cli.Tests.Support;

/// <summary>A running cairn process (dotnet Cairn.Cli.dll ...); the test waits for it to exit or kills it with SIGKILL.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets the path of the built command line.</summary>
    public static string Dll { get; } = Locate();

    /// <summary>Gets the repository's root folder (the one holding examples/).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Dll)!, "..", "..", "..", "..", ".."));

    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("CAIRN_STORE");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Waits for the process to exit and returns what it printed; kills it and fails when it takes too long.</summary>
    public async Task<CliResult> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cairn did not exit within {ExitTimeout.TotalSeconds}s; it printed: {Result(-1)}");
        }

        // The exit is observed before the last output events; WaitForExit() without a timeout drains them.
        _process.WaitForExit();
        return Result(_process.ExitCode);
    }

    /// <summary>Gets everything the process has printed so far, standard output then standard error.</summary>
    public string Printed => Result(-1) is var r ? r.Stdout + r.Stderr : string.Empty;

    /// <summary>Kills the process with SIGKILL: no cleanup, no flush.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Locate()
    {
        var separator = Path.DirectorySeparatorChar;
        var dll = Path.Combine(
            AppContext.BaseDirectory.Replace($"{separator}tests{separator}Cairn.Cli.Tests{separator}", $"{separator}src{separator}Cairn.Cli{separator}", StringComparison.Ordinal),
            "Cairn.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Cairn.Cli first (dotnet build tests/Cairn.Cli.Tests builds it).", dll);
    }

    private CliResult Result(int exitCode)
    {
        lock (_stdout)
        {
            lock (_stderr)
            {
                return new CliResult(exitCode, _stdout.ToString(), _stderr.ToString());
            }
        }
    }
}
