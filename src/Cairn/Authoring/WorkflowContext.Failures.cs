using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <content>Failures a person resolves: escalations (a question) and parks.</content>
public sealed partial class WorkflowContext
{
    /// <summary>
    /// Asks a person how to resolve a failure — retry, skip or fail — as a choice question answered through
    /// <see cref="IWorkflowClient.AnswerAsync"/> (<c>cairn answer</c>) or <see cref="IWorkflowClient.ResolveAsync"/>
    /// (<c>cairn resolve</c>, which can also give a skip's value). The run waits unloaded; the answer is journaled.
    /// </summary>
    /// <param name="subject">What failed (a step name); the question's id is <c>{subject}@{position}</c>.</param>
    /// <param name="failure">The failure, shown with the question.</param>
    /// <param name="prompt">The question, or <see langword="null"/> for one naming the subject and the failure.</param>
    /// <returns>The person's resolution.</returns>
    public async Task<Resolution> Escalate(string subject, Exception failure, string? prompt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(failure);
        var position = NextPosition();
        var (info, attempts) = Describe(failure);
        var question = ResolutionPayloads.EscalationQuestion(subject, position, info, attempts, prompt);
        var detail = ResolutionPayloads.EscalationDetail(question, subject, info, attempts, _execution.Payloads.Options);
        var result = await _execution.Wait(position, new WaitSpec(CallClass.Wait, WaitKind.Question, question.SignalName, detail)).ConfigureAwait(true);
        return ResolutionPayloads.Parse(result.Data);
    }

    /// <summary>
    /// Parks the run (<see cref="RunStatus.Parked"/>, unloaded) until someone resolves the failure through
    /// <see cref="IWorkflowClient.ResolveAsync"/> (<c>cairn resolve</c>); parked runs are listed among the dead letters.
    /// </summary>
    /// <param name="subject">What failed (a step name).</param>
    /// <param name="failure">The failure, shown in the dead-letter view.</param>
    /// <returns>The resolution.</returns>
    public async Task<Resolution> Park(string subject, Exception failure)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(failure);
        var position = NextPosition();
        var (info, attempts) = Describe(failure);
        var detail = ResolutionPayloads.ParkDetail(subject, "failure", info, attempts);
        var result = await _execution.Wait(position, new WaitSpec(CallClass.Wait, WaitKind.Park, "park:" + position, detail)).ConfigureAwait(true);
        return ResolutionPayloads.Parse(result.Data);
    }

    private static (FailureInfo Failure, int? Attempts) Describe(Exception failure) => failure is StepFailedException step
        ? (step.Failure, step.Attempts)
        : (FailureInfo.From(failure), null);
}
