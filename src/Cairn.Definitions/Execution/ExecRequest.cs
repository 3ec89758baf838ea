namespace Cairn.Definitions;

/// <summary>A program to run: what <see cref="ExecRunner"/> starts.</summary>
/// <param name="Command">The program and its arguments, passed as they are (never through a shell). A program name without a directory is looked up on <c>PATH</c>; a relative path is taken from <paramref name="WorkingDirectory"/>.</param>
/// <param name="Env">Environment variables to set on top of the current process's environment, or <see langword="null"/>.</param>
/// <param name="WorkingDirectory">The working directory, or <see langword="null"/> for the current one.</param>
/// <param name="Stdin">The text written to the program's standard input (UTF-8) before it is closed, or <see langword="null"/> to close it at once.</param>
public sealed record ExecRequest(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string>? Env = null,
    string? WorkingDirectory = null,
    string? Stdin = null);
