namespace Cairn;

/// <summary>A step as it stood at a checkpoint.</summary>
/// <param name="Position">The step's position.</param>
/// <param name="Name">The step's name.</param>
/// <param name="Status">Completed, skipped or failed.</param>
/// <param name="Output">The recorded output as JSON (the stand-in output for skipped steps), or <see langword="null"/>.</param>
public sealed record CheckpointStep(string Position, string Name, StepStatus Status, string? Output);
