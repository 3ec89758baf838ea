namespace Cairn.Storage;

/// <summary>How a signal or answer was received by the store.</summary>
public enum SignalOutcome
{
    /// <summary>Accepted into the run's inbox; the run was woken if it waits for it.</summary>
    Accepted = 0,

    /// <summary>No run has that id.</summary>
    RunNotFound = 1,

    /// <summary>The run has finished.</summary>
    RunFinished = 2,

    /// <summary>The run is not waiting for that question (only for answers, which require an open wait).</summary>
    NotWaiting = 3,
}
