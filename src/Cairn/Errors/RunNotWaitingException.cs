namespace Cairn;

/// <summary>An answer was sent to a run that has not asked that question (or has finished); nothing was stored.</summary>
public sealed class RunNotWaitingException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="RunNotWaitingException"/> class.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="what">What was expected, for example <c>an answer to question 'approve'</c>.</param>
    /// <param name="detail">What the run is doing instead.</param>
    public RunNotWaitingException(string runId, string what, string detail)
        : base($"Run '{runId}' is not waiting for {what}: {detail}. Nothing was stored. Show the run to see what it waits for.")
    {
        RunId = runId;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }
}
