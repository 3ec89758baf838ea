using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <summary>Starts, watches and steers runs. Every action goes through the store, so it reaches the run in whichever process executes it.</summary>
public interface IWorkflowClient
{
    /// <summary>Starts a run, or returns the existing one when a run with <see cref="StartRunOptions.RunId"/> exists.</summary>
    /// <param name="workflow">The registered workflow name.</param>
    /// <param name="input">The input (serialized to JSON), or <see langword="null"/>.</param>
    /// <param name="options">Run id, session and user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run id.</returns>
    /// <exception cref="ArgumentException">The workflow is not registered, or the id belongs to a run of another workflow.</exception>
    /// <exception cref="PayloadException">The input cannot be stored.</exception>
    Task<string> StartAsync(string workflow, object? input = null, StartRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    Task<RunInfo> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<RunInfo>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a named event to a run; it waits in the run's inbox until the run asks for it.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="data">The event data, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is durable.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="RunNotWaitingException">The run has finished.</exception>
    Task SignalAsync(string runId, string eventName, object? data = null, CancellationToken cancellationToken = default);

    /// <summary>Answers a question the run asked. Once this returns, the answer is durable: it is not lost if any process dies.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="questionId">The question id, or <see langword="null"/> when the run has exactly one open question.</param>
    /// <param name="answer">The answer: a boolean for approvals, an option id for choices, text otherwise.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the answer is durable.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="RunNotWaitingException">The run is not waiting for that question.</exception>
    /// <exception cref="ArgumentException">The answer does not fit the question's kind or options.</exception>
    Task AnswerAsync(string runId, string? questionId, object? answer, CancellationToken cancellationToken = default);

    /// <summary>Pauses a run at its next step boundary.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status after the request (paused, or still running until the pause takes effect).</returns>
    Task<RunStatus> PauseAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status after the request.</returns>
    Task<RunStatus> ResumeAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a run; a running step's token is cancelled.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status after the request.</returns>
    Task<RunStatus> CancelAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's journal.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries in order.</returns>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Lists a run's checkpoints: every completed step and every named checkpoint.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkpoints in order.</returns>
    Task<IReadOnlyList<CheckpointInfo>> GetCheckpointsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's progress.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The progress.</returns>
    Task<RunProgress> GetProgressAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the run finishes (completed, failed or cancelled).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The finished run.</returns>
    Task<RunInfo> WaitForCompletionAsync(string runId, CancellationToken cancellationToken = default);
}
