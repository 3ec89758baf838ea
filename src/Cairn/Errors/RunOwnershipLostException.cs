namespace Cairn;

/// <summary>A commit was refused because another host now owns the run (its lease expired and it was claimed).</summary>
/// <remarks>The engine abandons its copy of the run; the new owner continues it from the journal.</remarks>
public sealed class RunOwnershipLostException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="RunOwnershipLostException"/> class.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="detail">Why the store refused the commit.</param>
    public RunOwnershipLostException(string runId, string detail)
        : base($"Run '{runId}' is no longer owned by this host: {detail}. Another host continues it from its journal; nothing was written.")
    {
        RunId = runId;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }
}
