namespace Cairn;

/// <summary>A run as it stood at a checkpoint: its state and the outputs of the steps recorded up to there.</summary>
/// <param name="Number">The checkpoint number (0: the run's start).</param>
/// <param name="Checkpoint">The checkpoint, or <see langword="null"/> for number 0.</param>
/// <param name="State">The run's state (key → JSON value).</param>
/// <param name="Steps">The steps recorded up to the checkpoint, in journal order.</param>
public sealed record CheckpointState(int Number, CheckpointInfo? Checkpoint, IReadOnlyDictionary<string, string?> State, IReadOnlyList<CheckpointStep> Steps);
