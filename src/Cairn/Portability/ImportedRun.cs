namespace Cairn;

/// <summary>A run created by an import.</summary>
/// <param name="OriginalRunId">Its id in the exported file.</param>
/// <param name="RunId">Its id in this store (different only when renamed).</param>
public sealed record ImportedRun(string OriginalRunId, string RunId);
