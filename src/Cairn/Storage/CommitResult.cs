namespace Cairn.Storage;

/// <summary>The result of a <see cref="RunCommit"/>.</summary>
/// <param name="Outcome">Whether it was applied.</param>
/// <param name="StateVersion">After a shared-state write: the new version, or on conflict the current version (0 when absent).</param>
public readonly record struct CommitResult(CommitOutcome Outcome, long StateVersion = 0)
{
    /// <summary>Gets a plain successful result.</summary>
    public static CommitResult Committed { get; } = new(CommitOutcome.Committed);
}
