namespace Cairn.Storage;

/// <summary>Where a run created by a resume strategy came from.</summary>
/// <param name="RunId">The run it was created from.</param>
/// <param name="Strategy">How: <see cref="ResumeStrategy.Restart"/> or <see cref="ResumeStrategy.Fork"/>.</param>
/// <param name="Checkpoint">The origin's checkpoint number the journal was copied up to (forks), or <see langword="null"/>.</param>
/// <param name="Sequence">The origin's last journal sequence that was copied (forks), or <see langword="null"/>.</param>
public sealed record RunOrigin(string RunId, ResumeStrategy Strategy, int? Checkpoint, long? Sequence);
