using System.Diagnostics;
using System.Threading.Channels;

namespace Cairn.Integration.Tests.Support;

/// <summary>A Cairn.CrashHost process whose output lines the test reads, and which the test can kill with SIGKILL.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Seen => _seen;

    public static ChildProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory.Replace("Cairn.Integration.Tests", "Cairn.CrashHost", StringComparison.Ordinal), "Cairn.CrashHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build tests/Cairn.CrashHost first (dotnet build Cairn.slnx).", dll);
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>Reads lines until one satisfies the condition; fails when the process ends first or the time is up.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cts.Token))
            {
                _seen.Add(line);
                if (condition(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No matching line; the child printed: " + string.Join(" | ", _seen));
        }

        throw new InvalidOperationException($"The child exited ({ExitCode()}) without a matching line; it printed: {string.Join(" | ", _seen)}");
    }

    /// <summary>Writes a line to the child's standard input.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the process with SIGKILL: no cleanup, no flush, like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private string ExitCode() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "running";
}
