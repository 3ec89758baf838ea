namespace Cairn.Definitions;

/// <summary><c>exec</c>: runs a program. Output <c>{exitCode, stdout, stderr}</c>; a non-zero exit code fails the step.</summary>
public sealed class ExecStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "exec";

    /// <summary>Gets the program and its arguments (each may hold <c>${{ }}</c> templates); never run through a shell.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Gets extra environment variables for the process.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the working directory, relative to the definition file's folder when not absolute.</summary>
    public string? Cwd { get; init; }

    /// <summary>Gets the text written to the process's standard input.</summary>
    public string? Stdin { get; init; }

    /// <inheritdoc/>
    public override bool HasOutsideEffects => true;
}
