namespace Cairn.Sqlite;

/// <summary>When a commit to a SQLite store counts as durable.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// Every commit is synced to disk before it returns (<c>PRAGMA synchronous=FULL</c>): it survives a crash of the
    /// process, of the operating system and a loss of power.
    /// </summary>
    Full = 0,

    /// <summary>
    /// Commits are written to the operating system before they return but synced only at checkpoints
    /// (<c>PRAGMA synchronous=NORMAL</c>): they survive a crash of the process, and the store stays consistent after a
    /// power loss, but the last commits before it may be lost.
    /// </summary>
    Normal = 1,
}
