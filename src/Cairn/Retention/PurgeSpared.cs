using Cairn.Storage;

namespace Cairn;

/// <summary>A finished run a purge matched but did not delete.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Reason">Why it was kept.</param>
public sealed record PurgeSpared(string RunId, DeleteRunOutcome Reason);
