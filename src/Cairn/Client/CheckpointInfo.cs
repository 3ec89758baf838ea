namespace Cairn;

/// <summary>A checkpoint: a place in the journal a run can be rewound to.</summary>
/// <param name="Number">1-based, in journal order.</param>
/// <param name="Sequence">The journal sequence of the entry that made it.</param>
/// <param name="Position">The call's position.</param>
/// <param name="StepName">The completed step's name, for automatic checkpoints.</param>
/// <param name="Label">The label, for named checkpoints.</param>
/// <param name="Metadata">Named checkpoints' metadata as JSON.</param>
/// <param name="At">When it was made.</param>
public sealed record CheckpointInfo(int Number, long Sequence, string Position, string? StepName, string? Label, string? Metadata, DateTimeOffset At);
