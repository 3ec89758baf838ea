namespace Cairn.Definitions.Interpreter;

/// <summary>A step ran past its <c>timeout</c>: a composite step whose steps took too long, or a wait, ask or delay.</summary>
/// <remarks>It is a <see cref="TimeoutException"/>, so <c>retryOn: { timeout: true }</c> and <c>onFailure</c> treat it as one.</remarks>
internal sealed class StepTimeoutException : TimeoutException
{
    private StepTimeoutException(string stepId, string message, Exception? inner)
        : base(message, inner)
    {
        StepId = stepId;
    }

    /// <summary>Gets the id of the step that timed out.</summary>
    public string StepId { get; }

    /// <summary>Returns the error of a step running past its timeout.</summary>
    public static StepTimeoutException For(StepDefinition step, TimeSpan timeout, Exception? inner = null) =>
        new(step.Id, $"Step '{step.Id}' ({step.Location}) timed out: it ran longer than its timeout of {Duration.Format(timeout)}.", inner);
}
