namespace Cairn.Storage;

/// <summary>
/// A run's state and step outputs as they stood at one checkpoint, kept so that showing a checkpoint need not replay
/// the journal from its start. A snapshot is derived data: deleting it loses nothing, the journal stays complete.
/// </summary>
/// <param name="Sequence">The sequence of the checkpoint's journal entry; the snapshot holds the run as it stood right after it.</param>
/// <param name="Checkpoint">The checkpoint's number (1 for the first).</param>
/// <param name="Payload">The state and outputs as JSON; opaque to stores, which keep it as the exact string given.</param>
/// <param name="At">When it was taken.</param>
public sealed record StateSnapshot(long Sequence, int Checkpoint, string Payload, DateTimeOffset At);
