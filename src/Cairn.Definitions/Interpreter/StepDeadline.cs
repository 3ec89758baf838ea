namespace Cairn.Definitions.Interpreter;

/// <summary>When a step with a <c>timeout</c> must have finished; the moment is recorded in the journal, so replay sees the same one.</summary>
/// <param name="Owner">The step whose timeout it is.</param>
/// <param name="Timeout">The step's timeout.</param>
/// <param name="At">The moment: the step's start plus its timeout.</param>
internal sealed record StepDeadline(StepDefinition Owner, TimeSpan Timeout, DateTimeOffset At)
{
    /// <summary>Returns the error of the owner running past its deadline.</summary>
    public StepTimeoutException Exceeded() => StepTimeoutException.For(Owner, Timeout);
}
