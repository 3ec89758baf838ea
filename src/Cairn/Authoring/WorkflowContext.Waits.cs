using System.Text.Json;
using Cairn.Engine;
using Cairn.Storage;

namespace Cairn;

/// <content>Durable timers, events, questions and child runs.</content>
public sealed partial class WorkflowContext
{
    /// <summary>Waits durably: a long sleep unloads the run and holds no memory; it survives restarts.</summary>
    /// <param name="duration">How long.</param>
    /// <returns>A task that completes when the time has come.</returns>
    public Task Sleep(TimeSpan duration) =>
        _execution.Wait(NextPosition(), new WaitSpec(CallClass.Wait, WaitKind.Timer, "timer", null) { DueFrom = now => now + duration });

    /// <summary>Waits durably until a moment.</summary>
    /// <param name="until">When to continue.</param>
    /// <returns>A task that completes when the time has come.</returns>
    public Task SleepUntil(DateTimeOffset until) =>
        _execution.Wait(NextPosition(), new WaitSpec(CallClass.Wait, WaitKind.Timer, "timer", null) { DueFrom = _ => until });

    /// <summary>Waits for a named event sent through <see cref="IWorkflowClient.SignalAsync"/>. Events sent earlier wait in the run's inbox.</summary>
    /// <typeparam name="T">The event data type.</typeparam>
    /// <param name="name">The event name.</param>
    /// <param name="timeout">How long to wait, or <see langword="null"/> for ever.</param>
    /// <returns>The event's data.</returns>
    /// <exception cref="TimeoutException">No event came in time.</exception>
    public async Task<T> WaitForEvent<T>(string name, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var result = await _execution.Wait(NextPosition(), new WaitSpec(CallClass.Wait, WaitKind.Event, name, null)
        {
            DueFrom = now => timeout is { } t ? now + t : null,
        }).ConfigureAwait(true);
        return result.TimedOut
            ? throw new TimeoutException($"Event '{name}' did not arrive within {timeout} in run '{RunId}'.")
            : _execution.Payloads.Deserialize<T>(result.Data);
    }

    /// <summary>Asks a person a question and waits (unloaded) for the answer sent through <see cref="IWorkflowClient.AnswerAsync"/>.</summary>
    /// <typeparam name="T">The answer type: <see cref="bool"/> for approvals, <see cref="string"/> for text and choices.</typeparam>
    /// <param name="question">The question.</param>
    /// <param name="timeout">How long to wait, or <see langword="null"/> for ever.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    public async Task<T> AskUser<T>(Question question, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var detail = JsonSerializer.Serialize(question, _execution.Payloads.Options);
        var result = await _execution.Wait(NextPosition(), new WaitSpec(CallClass.Wait, WaitKind.Question, question.SignalName, detail)
        {
            DueFrom = now => timeout is { } t ? now + t : null,
        }).ConfigureAwait(true);
        return result.TimedOut
            ? throw new TimeoutException($"Question '{question.Id}' was not answered within {timeout} in run '{RunId}'.")
            : _execution.Payloads.Deserialize<T>(result.Data);
    }

    /// <summary>Asks a question; the kind follows from <typeparamref name="T"/> and <paramref name="options"/>: <see cref="bool"/> → approval, options → choice, else text.</summary>
    /// <typeparam name="T">The answer type.</typeparam>
    /// <param name="id">The question id.</param>
    /// <param name="prompt">What is asked.</param>
    /// <param name="options">Options for a choice.</param>
    /// <returns>The answer.</returns>
    public Task<T> AskUser<T>(string id, string prompt, IReadOnlyList<ChoiceOption>? options = null)
    {
        var kind = typeof(T) == typeof(bool) ? QuestionKind.Approval : options is { Count: > 0 } ? QuestionKind.Choice : QuestionKind.Text;
        return AskUser<T>(new Question(id, prompt, kind, options));
    }

    /// <summary>Starts a child run and waits (unloaded) for its output. The child's id is fixed by its position, so replay never starts it twice.</summary>
    /// <typeparam name="TOutput">The child's output type.</typeparam>
    /// <param name="workflow">The child workflow's registered name.</param>
    /// <param name="input">The child's input.</param>
    /// <param name="childRunId">The child's run id, or <see langword="null"/> for <c>{runId}/{position}</c>.</param>
    /// <param name="version">The child's version, for workflows supplied with versions (stored definitions); <see langword="null"/> for the latest.</param>
    /// <returns>The child's output.</returns>
    /// <exception cref="WorkflowRunException">The child failed or was cancelled.</exception>
    /// <exception cref="ArgumentException">No workflow (or version) of that name is known to the host.</exception>
    public async Task<TOutput> RunChild<TOutput>(string workflow, object? input = null, string? childRunId = null, int? version = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        var position = NextPosition();
        var registration = await _execution.Engine.Registry.FindAsync(workflow, version).ConfigureAwait(true)
            ?? throw new ArgumentException(version is null
                ? $"Child workflow '{workflow}' is not registered; register it (AddWorkflow or its definition) before starting it as a child."
                : $"Child workflow '{workflow}' has no version {version}; register that version or leave the version unset for the latest.", nameof(workflow));
        var childId = childRunId ?? RunId + "/" + position;
        var inputJson = input is null ? null : _execution.Payloads.Serialize(input, new PayloadSubject("The input of child workflow '{0}'", workflow));
        var child = new NewRun
        {
            RunId = childId,
            Workflow = workflow,
            Version = registration.Version,
            Input = inputJson,
            SessionId = SessionId,
            UserId = UserId,
            ParentRunId = RunId,
            ParentPosition = position,
            CreatedAt = _execution.Engine.Time.GetUtcNow(),
        };
        var result = await _execution.Wait(position, new WaitSpec(CallClass.Child, WaitKind.Child, ChildNames.Signal(childId), null)
        {
            OpenKind = Journal.JournalEntryKind.ChildStarted,
            OpenPayload = JsonSerializer.Serialize(new { childRunId = childId, workflow }),
            CallName = workflow,
            ChildRun = child,
        }).ConfigureAwait(true);
        return ChildOutput<TOutput>(childId, result.Data);
    }

    private TOutput ChildOutput<TOutput>(string childId, string? data)
    {
        using var doc = JsonDocument.Parse(data ?? "{}");
        var root = doc.RootElement;
        var status = root.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (status == RunStatus.Completed.ToWireName())
        {
            return root.TryGetProperty("output", out var o) ? _execution.Payloads.Deserialize<TOutput>(o.GetRawText()) : default!;
        }

        var failure = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
            ? _execution.Payloads.Deserialize<FailureInfo>(e.GetRawText())
            : null;
        throw new WorkflowRunException(childId, status == "cancelled" ? RunStatus.Cancelled : RunStatus.Failed, failure);
    }
}
