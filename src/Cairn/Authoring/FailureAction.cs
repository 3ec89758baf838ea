namespace Cairn;

/// <summary>What a step does once its attempts are exhausted (see <see cref="FailurePolicy"/>).</summary>
/// <remarks>Stored by name in definitions (<c>onFailure:</c>); never rename them.</remarks>
public enum FailureAction
{
    /// <summary>The step fails: <see cref="StepFailedException"/> is thrown into the workflow code.</summary>
    Fail = 0,

    /// <summary>The step is recorded as skipped with a stand-in output, and the workflow goes on.</summary>
    Skip = 1,

    /// <summary>An alternative runs in the step's place; its result is the step's result.</summary>
    Fallback = 2,

    /// <summary>The compensations of the steps completed before, in reverse order (saga), then the step fails.</summary>
    Compensate = 3,

    /// <summary>A person is asked whether to retry the step, skip it with a value, or fail it; the run waits unloaded.</summary>
    Escalate = 4,

    /// <summary>The run is parked (<see cref="Storage.RunStatus.Parked"/>) until someone retries, skips or fails the step.</summary>
    Park = 5,
}
