namespace Cairn;

/// <summary>How to continue a run that stopped, failed, is wrong, or whose code changed: the eight ways back.</summary>
/// <remarks>Values are stored (as their wire names, see <see cref="ResumeStrategyNames"/>); never rename them.</remarks>
public enum ResumeStrategy
{
    /// <summary>Continues after the last completed step: a failed or cancelled run drops its trailing failures; a paused run resumes; an interrupted one is freed for any host.</summary>
    Resume = 0,

    /// <summary>A new run with the same input (or a new one), linked to the old one.</summary>
    Restart = 1,

    /// <summary>Keeps the journal up to a checkpoint and continues in place; the discarded tail is archived.</summary>
    FromCheckpoint = 2,

    /// <summary>A new run whose journal is a copy up to a checkpoint; the original is untouched.</summary>
    Fork = 3,

    /// <summary>Keeps everything before the first occurrence of a step and runs again from there, in place.</summary>
    FromStep = 4,

    /// <summary>Keeps every completed step, completed parallel branches included, and runs only the failed steps again.</summary>
    RetryFailed = 5,

    /// <summary>Records the failed step as skipped with a stand-in output and goes on.</summary>
    SkipFailed = 6,

    /// <summary>Chooses one of the others from the journal and says why.</summary>
    Auto = 7,
}
