namespace Cairn;

/// <summary>What <see cref="IWorkflowClient.PurgeAsync"/> deleted (or, for a dry run, would delete).</summary>
/// <param name="Deleted">The deleted run ids, oldest first.</param>
/// <param name="Spared">Matching runs that were not deleted, with the reason (a child or the parent is still active, or the run changed meanwhile).</param>
/// <param name="DryRun">Whether nothing was deleted.</param>
public sealed record PurgeResult(IReadOnlyList<string> Deleted, IReadOnlyList<PurgeSpared> Spared, bool DryRun);
