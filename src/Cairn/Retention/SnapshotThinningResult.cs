namespace Cairn;

/// <summary>What <see cref="IWorkflowClient.ThinSnapshotsAsync"/> deleted (or, for a dry run, would delete).</summary>
/// <param name="Runs">How many runs lost at least one snapshot.</param>
/// <param name="Deleted">How many snapshots were deleted in all.</param>
/// <param name="DryRun">Whether nothing was deleted.</param>
public sealed record SnapshotThinningResult(int Runs, int Deleted, bool DryRun);
