using System.Text.Json;

namespace Cairn;

/// <summary>How to continue a run with <see cref="IWorkflowClient.ResumeAsync(string, ResumeRequest, CancellationToken)"/>.</summary>
public sealed record ResumeRequest
{
    /// <summary>Gets the strategy.</summary>
    /// <value>Defaults to <see cref="ResumeStrategy.Resume"/>.</value>
    public ResumeStrategy Strategy { get; init; } = ResumeStrategy.Resume;

    /// <summary>Gets the checkpoint number for <see cref="ResumeStrategy.FromCheckpoint"/> and <see cref="ResumeStrategy.Fork"/> (0 keeps only the start).</summary>
    /// <value>Defaults to <see langword="null"/>: the last checkpoint.</value>
    public int? Checkpoint { get; init; }

    /// <summary>Gets the step name for <see cref="ResumeStrategy.FromStep"/>, or which failed step <see cref="ResumeStrategy.SkipFailed"/> skips.</summary>
    /// <value>Defaults to <see langword="null"/> (for skip-failed: the one failed step).</value>
    public string? StepId { get; init; }

    /// <summary>Gets the output the skipped step stands in with, for <see cref="ResumeStrategy.SkipFailed"/>.</summary>
    /// <value>Defaults to <see langword="null"/>: no output.</value>
    public JsonElement? Value { get; init; }

    /// <summary>Gets a new input for the run (journaled as an edit), or for the new run of a restart or fork.</summary>
    /// <value>Defaults to <see langword="null"/>: keep the input.</value>
    public JsonElement? Input { get; init; }

    /// <summary>Gets keys of the run's state to set where the run continues (journaled as edits); a JSON <c>null</c> removes the key.</summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyDictionary<string, JsonElement> SetState { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets the workflow version the run continues on (for workflows with stored versions, after a definition change).</summary>
    /// <value>Defaults to <see langword="null"/>: the run's version.</value>
    public int? Version { get; init; }

    /// <summary>Gets the id of the new run of a restart or fork.</summary>
    /// <value>Defaults to <see langword="null"/>: a new GUID.</value>
    public string? NewRunId { get; init; }

    /// <summary>Gets whether to only plan: nothing is changed, and the plan says what would happen.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool DryRun { get; init; }
}
