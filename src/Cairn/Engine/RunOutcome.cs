namespace Cairn.Engine;

/// <summary>How one execution of a run ended in this host.</summary>
internal enum RunOutcome
{
    Completed,
    Failed,
    Cancelled,
    Suspended,
    Paused,

    /// <summary>Stopped without a final commit (lost ownership, store error, host shutdown); another load continues it.</summary>
    Abandoned,
}
