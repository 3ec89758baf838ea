namespace Cairn;

/// <summary>Which state snapshots <see cref="IWorkflowClient.ThinSnapshotsAsync"/> deletes: of every matching run (live or finished), all but the newest. Journals are never touched.</summary>
public sealed record SnapshotThinning
{
    /// <summary>Gets how many of each run's newest snapshots to keep (0 deletes them all).</summary>
    public required int KeepLast { get; init; }

    /// <summary>Gets the workflow to match.</summary>
    /// <value>Defaults to <see langword="null"/>: any workflow.</value>
    public string? Workflow { get; init; }

    /// <summary>Gets whether to only count what would be deleted.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool DryRun { get; init; }
}
