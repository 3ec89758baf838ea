namespace Cairn.Storage;

/// <summary>How a <see cref="RunCommit"/> ended.</summary>
public enum CommitOutcome
{
    /// <summary>Applied.</summary>
    Committed = 0,

    /// <summary>Not applied: the shared-state write's expected version did not match.</summary>
    StateConflict = 1,

    /// <summary>Not applied: the run's status was not <see cref="RunCommit.ExpectStatus"/>, or the run does not exist.</summary>
    StatusMismatch = 2,
}
