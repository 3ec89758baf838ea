using Cairn.Storage;

namespace Cairn;

/// <summary>Which finished runs <see cref="IWorkflowClient.PurgeAsync"/> deletes. Every filter narrows the choice; running, suspended, paused and pending runs are never deleted.</summary>
public sealed record PurgeRequest
{
    /// <summary>Gets how many of the most recently finished matching runs to keep.</summary>
    /// <value>Defaults to <see langword="null"/>: keep none for this reason.</value>
    public int? KeepLast { get; init; }

    /// <summary>Gets how long ago a run must have finished to be deleted.</summary>
    /// <value>Defaults to <see langword="null"/>: any age.</value>
    public TimeSpan? OlderThan { get; init; }

    /// <summary>Gets the finished status to match (completed, failed or cancelled).</summary>
    /// <value>Defaults to <see langword="null"/>: any finished status.</value>
    public RunStatus? Status { get; init; }

    /// <summary>Gets the workflow to match.</summary>
    /// <value>Defaults to <see langword="null"/>: any workflow.</value>
    public string? Workflow { get; init; }

    /// <summary>Gets whether to only list what would be deleted.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool DryRun { get; init; }
}
