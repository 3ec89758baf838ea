namespace Cairn.Journal;

/// <summary>
/// A journal tail that an in-place rewind took out of a run's journal. Rewinds never delete: the discarded entries are
/// kept here, numbered from 1 per run in the order of the rewinds.
/// </summary>
public sealed record JournalBranch
{
    /// <summary>Gets the branch number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the last sequence the journal kept; the branch's entries follow it.</summary>
    public required long AfterSequence { get; init; }

    /// <summary>Gets when the entries were archived.</summary>
    public required DateTimeOffset ArchivedAt { get; init; }

    /// <summary>Gets why (the resume strategy, such as <c>from-checkpoint</c>), or <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the archived entries in sequence order, exactly as they were in the journal (empty when the rewind discarded nothing).</summary>
    public IReadOnlyList<JournalEntry> Entries { get; init; } = [];
}
