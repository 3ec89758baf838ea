namespace Cairn.Definitions;

/// <summary>An exec step's program exited with a code other than 0; retry filters (<c>retryOn: { exitCode: [...] }</c>) read the code.</summary>
public sealed class ExecStepException : CairnException, IExitCodeFailure
{
    /// <summary>Initializes a new instance of the <see cref="ExecStepException"/> class.</summary>
    /// <param name="message">What happened: the program, its exit code and the end of its standard error.</param>
    /// <param name="exitCode">The exit code.</param>
    public ExecStepException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Gets the exit code.</summary>
    public int ExitCode { get; }
}
