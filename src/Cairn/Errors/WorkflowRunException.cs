using Cairn.Storage;

namespace Cairn;

/// <summary>A run that was awaited ended without an output: it failed or was cancelled.</summary>
public sealed class WorkflowRunException : CairnException
{
    internal WorkflowRunException(string runId, RunStatus status, FailureInfo? failure)
        : base(failure is null
            ? $"Run '{runId}' ended {status.ToWireName()}."
            : $"Run '{runId}' ended {status.ToWireName()}: {failure.Type}: {failure.Message}")
    {
        RunId = runId;
        Status = status;
        Failure = failure;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }

    /// <summary>Gets the final status.</summary>
    public RunStatus Status { get; }

    /// <summary>Gets the stored failure, if any.</summary>
    public FailureInfo? Failure { get; }
}
