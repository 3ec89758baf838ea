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

    /// <summary>
    /// Steers a run back on track with a resume strategy (rewind in place, fork, restart, retry or skip what failed…),
    /// or, with <see cref="ResumeRequest.DryRun"/>, says what the strategy would keep and run again without changing anything.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="request">The strategy and its settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan: what is kept, what runs again, which of that has outside effects, and which run continues.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="ResumeNotPossibleException">The strategy does not apply to the run as it is (nothing was changed).</exception>
    /// <exception cref="ArgumentException">The new input does not fit the workflow, the version does not exist, or the new run id is taken.</exception>
    Task<ResumePlan> ResumeAsync(string runId, ResumeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves a failed step: a step parked by its failure policy (<see cref="FailurePolicy.Park(object?)"/>) or escalated to a
    /// person (<see cref="FailurePolicy.Escalate"/>) is retried, skipped with a stand-in output, or failed. For a run
    /// that has failed, retry resumes it with <see cref="ResumeStrategy.RetryFailed"/> and skip with
    /// <see cref="ResumeStrategy.SkipFailed"/>.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="resolution">What to do, and a skip's stand-in output.</param>
    /// <param name="step">The step's name; needed only when several steps wait for a resolution (or, for a failed run, several failed).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's status once the resolution is durable.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="RunNotWaitingException">No step of the run waits for a resolution, or it has finished (a failed run cannot be failed again).</exception>
    /// <exception cref="ResumeNotPossibleException">The failed run cannot be resumed that way.</exception>
    /// <exception cref="ArgumentException">Several steps wait and none was named.</exception>
    Task<RunStatus> ResolveAsync(string runId, Resolution resolution, string? step = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the dead letters: runs that failed, and runs with a parked step (waiting for a resolution, or for their circuit breaker to half-open), newest first.</summary>
    /// <param name="query">The workflow and how many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each run with the step that failed or is parked, its failure and its attempts.</returns>
    /// <exception cref="ArgumentException">The limit is negative.</exception>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(DeadLetterQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Computes error statistics over runs: runs by status, error rate, run and step durations (mean, p50, p95) and the most frequent errors, per workflow.</summary>
    /// <param name="query">The workflow and the period.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    Task<RunStatistics> GetStatisticsAsync(StatisticsQuery? query = null, CancellationToken cancellationToken = default);

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

    /// <summary>Reads the journal tails that in-place rewinds archived (the rest of the journal with <c>--all</c>).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branches by number, each with its entries.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    Task<IReadOnlyList<JournalBranch>> GetJournalBranchesAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Lists a run's checkpoints: every completed step and every named checkpoint.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkpoints in order.</returns>
    Task<IReadOnlyList<CheckpointInfo>> GetCheckpointsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds a run's state and step outputs as they stood at a checkpoint.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="checkpoint">The checkpoint number (0: the start).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state and the steps recorded up to the checkpoint.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such checkpoint.</exception>
    Task<CheckpointState> GetCheckpointStateAsync(string runId, int checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Compares two checkpoints of a run: the state keys that differ and the steps recorded in between.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="from">The first checkpoint number.</param>
    /// <param name="to">The second checkpoint number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The differences.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such checkpoint.</exception>
    Task<CheckpointDiff> DiffCheckpointsAsync(string runId, int from, int to, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's lineage both ways: the runs it was restarted or forked from, and the runs restarted or forked from it.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lineage.</returns>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    Task<RunLineage> GetLineageAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Deletes finished runs (retention), each with its journal and archived branches. A run that is pending, running, suspended or paused, or whose child or parent is, is never deleted.</summary>
    /// <param name="request">Which runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was deleted, or would be for a dry run.</returns>
    /// <exception cref="ArgumentException">The status is not a finished one, or a count or age is negative.</exception>
    Task<PurgeResult> PurgeAsync(PurgeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes old state snapshots (retention): of each matching run, all but the newest <see cref="SnapshotThinning.KeepLast"/>. The journal stays complete, so every checkpoint can still be shown, from the journal.</summary>
    /// <param name="request">Which snapshots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was deleted, or would be for a dry run.</returns>
    /// <exception cref="ArgumentException">The count is negative.</exception>
    Task<SnapshotThinningResult> ThinSnapshotsAsync(SnapshotThinning request, CancellationToken cancellationToken = default);

    /// <summary>Writes runs as JSON lines, one run per line with its journal, archived branches, pending signals and state snapshots, for <see cref="ImportAsync"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="runIds">The runs, or <see langword="null"/> for every run (oldest first).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many runs were written.</returns>
    /// <exception cref="RunNotFoundException">A run id is unknown.</exception>
    Task<int> ExportAsync(TextWriter output, IReadOnlyCollection<string>? runIds = null, CancellationToken cancellationToken = default);

    /// <summary>Recreates exported runs exactly: ids, journals, archived branches, state and lineage. Imported runs are owned by no host; unfinished ones continue where they were.</summary>
    /// <param name="input">The JSON lines written by <see cref="ExportAsync"/>.</param>
    /// <param name="options">What to do with ids that exist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The imported runs with their ids.</returns>
    /// <exception cref="RunAlreadyExistsException">A run id exists and renaming is off; nothing was imported.</exception>
    /// <exception cref="InvalidDataException">A line is not an exported run; nothing was imported.</exception>
    Task<IReadOnlyList<ImportedRun>> ImportAsync(TextReader input, ImportOptions? options = null, CancellationToken cancellationToken = default);

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
