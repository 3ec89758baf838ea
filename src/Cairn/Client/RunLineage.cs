using Cairn.Storage;

namespace Cairn;

/// <summary>The runs a run was created from, and the runs created from it (restarts and forks, both ways).</summary>
/// <param name="RunId">The run asked about.</param>
/// <param name="Origin">Where it came from, or <see langword="null"/>.</param>
/// <param name="Ancestors">The runs it descends from, nearest first (a run that was deleted ends the chain).</param>
/// <param name="Descendants">The runs created from it, directly or from one of them, nearest first; each one's <see cref="RunInfo.Origin"/> says which.</param>
public sealed record RunLineage(string RunId, RunOrigin? Origin, IReadOnlyList<RunInfo> Ancestors, IReadOnlyList<RunInfo> Descendants);
