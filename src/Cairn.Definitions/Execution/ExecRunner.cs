using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cairn.Definitions;

/// <summary>
/// Runs a program for an <c>exec</c> step: started directly (never through a shell), its standard input written then
/// closed, its standard output and error read at the same time (so a program that writes a lot never blocks), each
/// kept up to <see cref="MaxCapturedChars"/> characters. A non-zero exit code is a result, not an exception.
/// </summary>
public sealed class ExecRunner
{
    /// <summary>The default of <see cref="MaxCapturedChars"/>: 1 MiB of characters per stream.</summary>
    public const int DefaultMaxCapturedChars = 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Initializes a new instance of the <see cref="ExecRunner"/> class.</summary>
    /// <param name="maxCapturedChars">The most characters kept of each stream; see <see cref="MaxCapturedChars"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCapturedChars"/> is not positive.</exception>
    public ExecRunner(int maxCapturedChars = DefaultMaxCapturedChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCapturedChars);
        MaxCapturedChars = maxCapturedChars;
    }

    /// <summary>Gets the most characters kept of each stream. Standard output keeps its beginning and standard error its end; a note saying how much was left out is added where the text was cut.</summary>
    /// <value>1,048,576 unless set.</value>
    public int MaxCapturedChars { get; }

    /// <summary>Runs the program to its end.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="cancellationToken">Cancels the run (a timeout, or the run being cancelled): the program and every process it started are killed.</param>
    /// <returns>The exit code and what the program wrote.</returns>
    /// <exception cref="StepExecutionException">The command is empty, the working directory does not exist, or the program cannot be started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the process tree was killed.</exception>
    public async Task<ExecResult> RunAsync(ExecRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = StartInfo(request) };
        Start(process, request.Command[0]);

        var stdout = StreamCapture.ReadAsync(process.StandardOutput, MaxCapturedChars, keepEnd: false);
        var stderr = StreamCapture.ReadAsync(process.StandardError, MaxCapturedChars, keepEnd: true);
        try
        {
            await WriteInputAsync(process, request.Stdin, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return new ExecResult(
                process.ExitCode,
                await stdout.WaitAsync(cancellationToken).ConfigureAwait(false),
                await stderr.WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            // Cancelled (or failed while reading): nothing of the program may outlive the step.
            await KillAsync(process).ConfigureAwait(false);
            _ = Task.WhenAll(stdout, stderr).ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(ExecRequest request)
    {
        if (request.Command is not { Count: > 0 } || string.IsNullOrEmpty(request.Command[0]))
        {
            throw new StepExecutionException("the command is empty; give the program to run as its first element");
        }

        var directory = request.WorkingDirectory;
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new StepExecutionException($"the working directory '{directory}' does not exist; check the step's cwd");
        }

        var program = request.Command[0];
        if (!string.IsNullOrEmpty(directory) && !Path.IsPathRooted(program) && program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            program = Path.GetFullPath(Path.Combine(directory, program));
        }

        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = directory ?? string.Empty,
        };
        foreach (var argument in request.Command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Env ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static void Start(Process process, string program)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e) when (e.NativeErrorCode == 2)
        {
            throw new StepExecutionException($"program '{program}' was not found; check the command's first element or PATH", e);
        }
        catch (Win32Exception e)
        {
            throw new StepExecutionException($"program '{program}' could not be started: {e.Message}; check that it exists and may be executed", e);
        }
    }

    private static async Task WriteInputAsync(Process process, string? stdin, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrEmpty(stdin))
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited or closed its input without reading all of it; what it wrote still counts.
        }
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
