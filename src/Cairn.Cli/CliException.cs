namespace Cairn.Cli;

/// <summary>A problem the user can fix, reported on standard error as one sentence with the exit code it ends with.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message, Exception? innerException = null) => new(ExitCodes.UsageError, message, innerException);

    public static CliException NotFound(string message) => new(ExitCodes.NotFound, message);
}
