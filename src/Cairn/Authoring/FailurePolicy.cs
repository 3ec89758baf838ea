namespace Cairn;

/// <summary>What a step does once its attempts are exhausted: fail (the default), skip, fall back, compensate, escalate or park.</summary>
/// <remarks>
/// Every decision is journaled: a skip as the step's stand-in output, a fallback's and a compensation's work as steps
/// of their own (positions under the step's), a person's answer as a completed wait. Replay takes the same path.
/// </remarks>
public sealed class FailurePolicy
{
    private FailurePolicy(FailureAction action) => Action = action;

    /// <summary>Gets the policy that fails the step (the default).</summary>
    public static FailurePolicy Fail { get; } = new(FailureAction.Fail);

    /// <summary>Gets the policy that runs the compensations of every completed step that declares one (<see cref="StepOptions.Compensation"/>), latest first, and then fails the step.</summary>
    public static FailurePolicy Compensate { get; } = new(FailureAction.Compensate);

    /// <summary>Gets the action.</summary>
    public FailureAction Action { get; }

    /// <summary>Gets the stand-in output of <see cref="FailureAction.Skip"/>, and of a skip a person chose without a value (escalate, park).</summary>
    public object? Output { get; private init; }

    /// <summary>Gets the alternative of <see cref="FailureAction.Fallback"/>: it receives a context of its own and the failure, and returns the step's result.</summary>
    public Func<WorkflowContext, StepFailedException, Task<object?>>? Alternative { get; private init; }

    /// <summary>Gets the question asked by <see cref="FailureAction.Escalate"/>, or <see langword="null"/> for one naming the step and its failure.</summary>
    public string? Prompt { get; private init; }

    /// <summary>Creates the policy that records the step as skipped with a stand-in output.</summary>
    /// <param name="output">The output that stands in for the step's (serialized to JSON), or <see langword="null"/>.</param>
    /// <returns>The policy.</returns>
    public static FailurePolicy Skip(object? output = null) => new(FailureAction.Skip) { Output = output };

    /// <summary>Creates the policy that runs an alternative in the step's place.</summary>
    /// <typeparam name="T">The step's result type.</typeparam>
    /// <param name="alternative">The alternative: it may call any primitive of the context it receives (its positions lie under the step's).</param>
    /// <returns>The policy.</returns>
    public static FailurePolicy Fallback<T>(Func<WorkflowContext, StepFailedException, Task<T>> alternative)
    {
        ArgumentNullException.ThrowIfNull(alternative);
        return new(FailureAction.Fallback) { Alternative = async (context, failure) => await alternative(context, failure).ConfigureAwait(true) };
    }

    /// <summary>Creates the policy that parks the run (<see cref="Storage.RunStatus.Parked"/>) until someone retries, skips or fails the step (<see cref="IWorkflowClient.ResolveAsync"/>, <c>cairn resolve</c>).</summary>
    /// <param name="output">The stand-in output when someone chooses skip without a value.</param>
    /// <returns>The policy.</returns>
    public static FailurePolicy Park(object? output = null) => new(FailureAction.Park) { Output = output };

    /// <summary>Creates the policy that asks a person (a choice question: <c>retry</c>, <c>skip</c> or <c>fail</c>) and waits, unloaded, for the answer.</summary>
    /// <param name="prompt">The question, or <see langword="null"/> for one naming the step and its failure.</param>
    /// <param name="output">The stand-in output when the person chooses <c>skip</c> without a value.</param>
    /// <returns>The policy.</returns>
    public static FailurePolicy Escalate(string? prompt = null, object? output = null) => new(FailureAction.Escalate) { Prompt = prompt, Output = output };
}
