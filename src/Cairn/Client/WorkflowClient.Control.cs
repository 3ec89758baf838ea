using System.Text.Json;
using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <content>Signals, answers, pause, resume and cancel.</content>
internal sealed partial class WorkflowClient
{
    public async Task SignalAsync(string runId, string eventName, object? data = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var payload = data is null ? null : engine.Payloads.Serialize(data, new PayloadSubject("The data of event '{0}'", eventName));
        await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        var outcome = await Store.SendSignalAsync(runId, eventName, payload, requireOpenWait: false, engine.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Check(outcome, runId, $"event '{eventName}'", null);
        engine.Notifications.Signalled(runId);
    }

    public async Task AnswerAsync(string runId, string? questionId, object? answer, CancellationToken cancellationToken = default)
    {
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        var open = run.Waits.Where(w => w.Kind == WaitKind.Question).ToList();
        var what = questionId is null ? "an answer" : $"an answer to question '{questionId}'";
        if (run.Status.IsFinished())
        {
            throw new RunNotWaitingException(runId, what, $"it has finished ({run.Status.ToWireName()})");
        }

        WaitRecord wait;
        if (questionId is null)
        {
            wait = open.Count switch
            {
                0 => throw new RunNotWaitingException(runId, what, $"it has no open question (status {run.Status.ToWireName()})"),
                1 => open[0],
                _ => throw new ArgumentException($"Run '{runId}' has {open.Count} open questions ({string.Join(", ", open.Select(QuestionId))}); name the one to answer.", nameof(questionId)),
            };
        }
        else
        {
            wait = open.Find(w => w.Name == "question:" + questionId)
                ?? throw new RunNotWaitingException(runId, what, open.Count == 0
                    ? $"it has no open question (status {run.Status.ToWireName()})"
                    : $"its open questions are {string.Join(", ", open.Select(QuestionId))}");
        }

        var question = JsonSerializer.Deserialize<Question>(wait.Detail ?? "{}", engine.Payloads.Options)!;
        var payload = AnswerPayload.Validate(question, answer, engine.Payloads);
        var outcome = await Store.SendSignalAsync(runId, wait.Name, payload, requireOpenWait: true, engine.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Check(outcome, runId, what, wait.Name);
        engine.Notifications.Signalled(runId);
    }

    public Task<RunStatus> PauseAsync(string runId, CancellationToken cancellationToken = default) =>
        ControlAsync(runId, run => run.Status switch
        {
            RunStatus.Pending or RunStatus.Suspended or RunStatus.Parked => Transition(run, RunStatus.Paused, JournalEntryKind.RunPaused),
            RunStatus.Running => Request(run, RunControl.Pause),
            _ => null,
        }, cancellationToken);

    public Task<RunStatus> ResumeAsync(string runId, CancellationToken cancellationToken = default) =>
        ControlAsync(runId, run => run.Status switch
        {
            RunStatus.Paused => Transition(run, RunStatus.Pending, JournalEntryKind.RunResumed),
            RunStatus.Running when run.Control == RunControl.Pause => Request(run, RunControl.None),
            _ => null,
        }, cancellationToken);

    public Task<RunStatus> CancelAsync(string runId, CancellationToken cancellationToken = default) =>
        ControlAsync(runId, run => run.Status switch
        {
            RunStatus.Pending or RunStatus.Suspended or RunStatus.Paused or RunStatus.Parked => Transition(run, RunStatus.Cancelled, JournalEntryKind.RunCancelled),
            RunStatus.Running => Request(run, RunControl.Cancel),
            _ => null,
        }, cancellationToken);

    private static string QuestionId(WaitRecord wait) => wait.Name["question:".Length..];

    private static void Check(SignalOutcome outcome, string runId, string what, string? name)
    {
        switch (outcome)
        {
            case SignalOutcome.RunNotFound:
                throw new RunNotFoundException(runId);
            case SignalOutcome.RunFinished:
                throw new RunNotWaitingException(runId, what, "it has finished");
            case SignalOutcome.NotWaiting:
                throw new RunNotWaitingException(runId, what, $"it no longer waits for {name}");
        }
    }

    private RunCommit Transition(RunRecord run, RunStatus status, JournalEntryKind kind) => new()
    {
        RunId = run.RunId,
        ExpectStatus = run.Status,
        Status = status,
        Entries = [new JournalEntry { Sequence = 0, Kind = kind, At = engine.Time.GetUtcNow() }],
        ClearControl = true,
        Release = true,
        Signals = status == RunStatus.Cancelled && run.ParentRunId is { } parent
            ? [new OutgoingSignal(parent, ChildNames.Signal(run.RunId), ChildNames.Result(RunStatus.Cancelled, null, null))]
            : [],
        At = engine.Time.GetUtcNow(),
    };

    private RunCommit Request(RunRecord run, RunControl control) => new()
    {
        RunId = run.RunId,
        ExpectStatus = RunStatus.Running,
        SetControl = control,
        At = engine.Time.GetUtcNow(),
    };

    private async Task<RunStatus> ControlAsync(string runId, Func<RunRecord, RunCommit?> decide, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
            if (decide(run) is not { } commit)
            {
                return run.Status;
            }

            var result = await Store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != CommitOutcome.Committed)
            {
                continue;
            }

            if (commit.SetControl is { } control)
            {
                engine.Host?.FindActive(runId)?.ApplyControl(control);
                return RunStatus.Running;
            }

            var status = commit.Status!.Value;
            engine.Notifications.StatusChanged(runId, status);
            if (status == RunStatus.Pending)
            {
                engine.Notifications.RunCreated(runId);
            }

            foreach (var signal in commit.Signals)
            {
                engine.Notifications.Signalled(signal.RunId);
            }

            return status;
        }
    }
}
