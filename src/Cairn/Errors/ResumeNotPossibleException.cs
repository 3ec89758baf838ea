namespace Cairn;

/// <summary>A resume strategy does not apply to the run as it is (for example retry-failed on a run with no failed step); nothing was changed.</summary>
public sealed class ResumeNotPossibleException : CairnException
{
    internal ResumeNotPossibleException(string runId, ResumeStrategy strategy, string reason)
        : base($"Cannot {strategy.ToWireName()} run '{runId}': {reason} Nothing was changed.")
    {
        RunId = runId;
        Strategy = strategy;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }

    /// <summary>Gets the strategy that was asked for.</summary>
    public ResumeStrategy Strategy { get; }
}
