using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>How a program ended, and what it wrote (each stream capped, see <see cref="ExecRunner.MaxCapturedChars"/>).</summary>
/// <param name="ExitCode">The exit code; 0 means success.</param>
/// <param name="Stdout">What it wrote to standard output.</param>
/// <param name="Stderr">What it wrote to standard error.</param>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>How much of the end of standard error <see cref="DescribeFailure"/> quotes.</summary>
    public const int StderrTailChars = 2000;

    /// <summary>Gets whether the program exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Gets the step output: <c>{exitCode, stdout, stderr}</c>.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson() => new()
    {
        ["exitCode"] = ExitCode,
        ["stdout"] = Stdout,
        ["stderr"] = Stderr,
    };

    /// <summary>Describes a failed run: the exit code and the end of standard error.</summary>
    /// <param name="program">The program's name, to say which program failed.</param>
    /// <returns>A message such as <c>'make' exited with code 2: make: *** No rule to make target 'x'.</c></returns>
    public string DescribeFailure(string program)
    {
        var stderr = Stderr.TrimEnd();
        var message = string.Create(CultureInfo.InvariantCulture, $"'{program}' exited with code {ExitCode}");
        if (stderr.Length == 0)
        {
            return message + " and wrote nothing to standard error";
        }

        return stderr.Length <= StderrTailChars
            ? $"{message}: {stderr}"
            : $"{message}; the end of its standard error: ...{stderr[^StderrTailChars..]}";
    }
}
