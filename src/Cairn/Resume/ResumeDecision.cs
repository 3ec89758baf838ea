using Cairn.Storage;

namespace Cairn.Resume;

/// <summary>A planned resume: the plan to report and the store change that carries it out.</summary>
internal sealed record ResumeDecision
{
    public required ResumePlan Plan { get; init; }

    /// <summary>Gets the in-place rewind to apply, or <see langword="null"/>.</summary>
    public RunRewind? Rewind { get; init; }

    /// <summary>Gets the run to create (restart, fork), or <see langword="null"/>.</summary>
    public RunImport? Create { get; init; }

    /// <summary>Gets whether a paused run is simply resumed.</summary>
    public bool Unpause { get; init; }

    /// <summary>Gets the dead host whose runs are freed, for a run interrupted by a crash.</summary>
    public string? ReleaseOwner { get; init; }

    /// <summary>Gets the child runs awaited again whose results must be delivered again if they have finished.</summary>
    public IReadOnlyList<string> AwaitedChildren { get; init; } = [];
}
