namespace Cairn;

/// <summary>A step failed after all its attempts. Thrown into the workflow code, live and on replay alike.</summary>
/// <remarks>The failure is stored as data (<see cref="Failure"/>): after a restart the exception carries the same type, message and stack trace as the original.</remarks>
public sealed class StepFailedException : CairnException
{
    internal StepFailedException(string runId, string stepName, string position, int attempts, FailureInfo failure, Exception? live)
        : base($"Step '{stepName}' at position {position} failed after {attempts} attempt(s): {failure.Type}: {failure.Message}", live)
    {
        RunId = runId;
        StepName = stepName;
        Position = position;
        Attempts = attempts;
        Failure = failure;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }

    /// <summary>Gets the step's name.</summary>
    public string StepName { get; }

    /// <summary>Gets the step's position.</summary>
    public string Position { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Gets the last attempt's failure as stored.</summary>
    public FailureInfo Failure { get; }
}
