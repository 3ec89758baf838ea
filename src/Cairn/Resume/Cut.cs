using Cairn.Journal;

namespace Cairn.Resume;

/// <summary>
/// Where a rewind cuts the journal: entries up to <see cref="KeepThrough"/> stay as they are; of the entries after it,
/// those in <see cref="Discard"/> are archived only, the others are archived and appended again (renumbered).
/// </summary>
/// <param name="KeepThrough">The last sequence kept in place.</param>
/// <param name="Discard">The sequences (all after <paramref name="KeepThrough"/>) dropped from the journal.</param>
/// <param name="Checkpoint">The checkpoint continued from, if the cut is at one.</param>
/// <param name="Anchor">The position after which state edits apply, or <see langword="null"/> for the start.</param>
/// <param name="Skip">A <see cref="JournalEntryKind.StepSkipped"/> entry to append (skip-failed), numbered later.</param>
/// <param name="Step">The step named by from-step or skipped by skip-failed.</param>
internal sealed record Cut(long KeepThrough, IReadOnlySet<long> Discard, int? Checkpoint, string? Anchor, JournalEntry? Skip = null, string? Step = null)
{
    /// <summary>A cut that drops every entry after <paramref name="keepThrough"/>.</summary>
    public static Cut Tail(IReadOnlyList<JournalEntry> journal, long keepThrough, int? checkpoint, string? anchor, string? step = null) =>
        new(keepThrough, journal.Where(e => e.Sequence > keepThrough).Select(e => e.Sequence).ToHashSet(), checkpoint, anchor, Step: step);
}
