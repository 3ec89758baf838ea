namespace Cairn;

/// <summary>A failure that carries the exit code of a process; retry filters (<see cref="RetryPolicy.RetryOnExitCodes"/>) read it.</summary>
public interface IExitCodeFailure
{
    /// <summary>Gets the process's exit code.</summary>
    int ExitCode { get; }
}
