using Spectre.Console;

namespace Cairn.Cli;

/// <summary>Where commands write: standard output for results, standard error for problems and hints.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="IsTerminal">Whether standard output is a terminal (live display) rather than a pipe or file (plain lines).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static CliConsole FromSystemConsole() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>Creates a Spectre console over standard output, for the live display.</summary>
    public IAnsiConsole CreateAnsiConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Interactive = InteractionSupport.No,
    });
}
