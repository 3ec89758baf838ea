using System.Globalization;
using Cairn.Engine;

namespace Cairn;

/// <summary>
/// The durable primitives a workflow calls. Every call takes the next position in the workflow; on replay the
/// call at a position gets the result recorded there, without running anything.
/// </summary>
/// <remarks>
/// Workflow code must be deterministic: given the same recorded results it must make the same calls in the same order.
/// <list type="bullet">
/// <item>Do I/O, HTTP, database and LLM calls only inside <see cref="Step{T}(string, Func{StepContext, Task{T}}, StepOptions?)"/> bodies.</item>
/// <item>Use <see cref="UtcNow"/>, <see cref="NewGuid"/> and <see cref="Random"/> instead of <see cref="DateTime"/>, <see cref="Guid"/> and <see cref="System.Random"/>.</item>
/// <item>Await only tasks that come from this context (steps, waits, <see cref="WhenAll{T}(Task{T}[])"/>, <see cref="Gather{T}"/>); never <c>Task.Delay</c>, <c>Task.Run</c> or <c>ConfigureAwait(false)</c> on them.</item>
/// <item>Do not read mutable static state or the environment outside steps.</item>
/// </list>
/// Breaking the rules shows up as a <see cref="NonDeterminismException"/> when the run is replayed.
/// </remarks>
public sealed partial class WorkflowContext
{
    private readonly RunExecution _execution;
    private readonly string _prefix;
    private int _counter;
    private WorkflowState? _state;
    private Random? _random;

    internal WorkflowContext(RunExecution execution, string prefix)
    {
        _execution = execution;
        _prefix = prefix;
    }

    /// <summary>Gets the run id.</summary>
    public string RunId => _execution.RunId;

    /// <summary>Gets the workflow name.</summary>
    public string WorkflowName => _execution.Run.Workflow;

    /// <summary>Gets the session id the run was started with, if any.</summary>
    public string? SessionId => _execution.Run.SessionId;

    /// <summary>Gets the user id the run was started with, if any.</summary>
    public string? UserId => _execution.Run.UserId;

    /// <summary>Gets whether recorded calls are still ahead (the code is catching up with the journal).</summary>
    public bool IsReplaying => _execution.IsReplaying;

    /// <summary>Gets a token cancelled when the run is cancelled.</summary>
    public CancellationToken CancellationToken => _execution.CancellationToken;

    /// <summary>Gets the run's durable key/value state, with session and user scopes.</summary>
    public WorkflowState State => _state ??= new WorkflowState(this, _execution);

    /// <summary>Gets the current time, recorded so that replay sees the same value. Each read takes a position.</summary>
    public DateTimeOffset UtcNow => _execution.RecordValue(NextPosition(), "now", () => _execution.Engine.Time.GetUtcNow());

    /// <summary>Gets a random number generator whose seed is recorded, so replay draws the same numbers.</summary>
    public Random Random => _random ??= new Random(_execution.RecordValue(NextPosition(), "random", () => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue)));

    /// <summary>Returns a new GUID, recorded so that replay sees the same value.</summary>
    /// <returns>The GUID.</returns>
    public Guid NewGuid() => _execution.RecordValue(NextPosition(), "guid", () => Guid.NewGuid());

    /// <summary>Marks a named checkpoint (every completed step is also one). Resume strategies can rewind to it.</summary>
    /// <param name="label">The checkpoint's label.</param>
    /// <param name="metadata">Data to keep with it (serialized to JSON), or <see langword="null"/>.</param>
    /// <returns>A task that completes when the checkpoint is durable.</returns>
    public Task Checkpoint(string label, object? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var json = metadata is null ? null : _execution.Payloads.Serialize(metadata, new PayloadSubject("The metadata of checkpoint '{0}'", label));
        return _execution.Checkpoint(NextPosition(), label, json);
    }

    /// <summary>Reports progress for people watching the run.</summary>
    /// <param name="done">Units done, if known.</param>
    /// <param name="total">Units known in all, if known.</param>
    /// <param name="message">A short note.</param>
    public void ReportProgress(int? done = null, int? total = null, string? message = null) =>
        _execution.ReportProgress(done, total, message);

    internal string NextPosition()
    {
        var n = Interlocked.Increment(ref _counter);
        return _prefix.Length == 0 ? n.ToString(CultureInfo.InvariantCulture) : _prefix + n.ToString(CultureInfo.InvariantCulture);
    }
}
