using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <content>Failures a person resolves (escalations and parks), and compensations.</content>
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

    /// <summary>
    /// Registers work that undoes what the workflow has done so far, as <see cref="StepOptions.Compensation"/> does for
    /// one step: <see cref="Compensate"/>, or a step's <see cref="FailurePolicy.Compensate"/>, runs it (latest first, once).
    /// </summary>
    /// <param name="name">What it undoes, for people reading the journal.</param>
    /// <param name="undo">The work; it receives a context of its own (its positions lie under this call's).</param>
    public void AddCompensation(string name, Func<WorkflowContext, Task> undo)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(undo);
        var position = NextPosition();
        var sequence = _execution.RecordValue(position, "compensation:" + name, () => _execution.LastAssignedSequence);
        _execution.RegisterCompensation(new Compensation(sequence, position, name, (context, _) => undo(context), null));
    }

    /// <summary>
    /// Runs the compensations of everything completed so far — steps with <see cref="StepOptions.Compensation"/> and
    /// <see cref="AddCompensation"/> registrations — latest first, each once (a saga's rollback).
    /// </summary>
    /// <returns>A task that completes when every compensation has run.</returns>
    public Task Compensate()
    {
        var before = _execution.RecordValue(NextPosition(), "compensate", () => _execution.LastAssignedSequence + 1);
        return _execution.CompensateAsync(before);
    }

    private (FailureInfo Failure, int? Attempts) Describe(Exception failure) => failure is StepFailedException step
        ? (_execution.Redact(step.Failure), step.Attempts)
        : (_execution.Describe(failure), null);
}
