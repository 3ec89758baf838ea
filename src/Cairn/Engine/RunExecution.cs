using System.Collections.Concurrent;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>
/// One load of one run in this host: replays the journal into the workflow code, executes what lies past its end,
/// and ends by completing, failing, suspending (unloading) or pausing the run.
/// </summary>
/// <remarks>
/// The engine counts the work in flight (<see cref="Enter"/>/<see cref="Exit"/>): the workflow code while it runs,
/// and each step or wait until the code awaiting it has run on. Primitives complete their tasks inline, so the
/// count only reaches zero when the code is blocked. Zero with open waits means the run is idle: it is unloaded.
/// </remarks>
internal sealed partial class RunExecution
{
    private readonly WorkflowEngine _engine;
    private readonly string _owner;
    private readonly WorkflowRegistration _workflow;
    private readonly CancellationTokenSource _cancel = new();
    private readonly bool _fresh;
    private readonly WakeSignal _wake = new();
    private ReplayLog _log = null!;
    private int _busy;
    private volatile Exception? _fatal;

    public RunExecution(WorkflowEngine engine, RunRecord run, WorkflowRegistration workflow, string owner, bool fresh)
    {
        _engine = engine;
        Run = run;
        _workflow = workflow;
        _owner = owner;
        _fresh = fresh;
    }

    public RunRecord Run { get; }

    public string RunId => Run.RunId;

    internal WorkflowEngine Engine => _engine;

    internal Payloads Payloads => _engine.Payloads;

    internal CancellationToken CancellationToken => _cancel.Token;

    internal ConcurrentDictionary<string, RunningStep> RunningSteps { get; } = new(StringComparer.Ordinal);

    internal bool IsReplaying => _log.Unvisited > 0;

    public async Task<RunOutcome> ExecuteAsync()
    {
        try
        {
            // A run this process has just created holds only its RunStarted entry: no need to read it back.
            var journal = _fresh ? [] : await _engine.Store.ReadJournalAsync(RunId).ConfigureAwait(false);
            _log = new ReplayLog(journal, firstSequence: _fresh ? 1 : 0) { EditsReached = ApplyStateEdits };
            ApplyStateEdits(_log.StartEdits);
            _nextSequence = _log.LastSequence + 1;
            StartSnapshots(journal);
            if (_log.Terminal is { } terminal)
            {
                return await RepairFinishedAsync(terminal).ConfigureAwait(false);
            }

            if (DeadlinePassedOrArm())
            {
                return await EndAsync(RunStatus.Failed, null, DeadlineExceeded()).ConfigureAwait(false);
            }

            ApplyControl(Run.Control);
            var root = StartRoot();
            while (true)
            {
                var wake = _wake.Next;

                if (_fatal is { } fatal)
                {
                    return Abandon(fatal);
                }

                if (root.IsCompleted)
                {
                    return await FinishAsync(root).ConfigureAwait(false);
                }

                if (IsIdle() && await SettleIdleAsync().ConfigureAwait(false))
                {
                    return await UnloadAsync().ConfigureAwait(false);
                }

                await Task.WhenAny(root, wake).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Abandon(e);
        }
        finally
        {
            CloseTimers();
        }
    }

    /// <summary>Asks the run to pause or cancel (from a user, possibly in another process).</summary>
    public void ApplyControl(RunControl control)
    {
        if (control == RunControl.Cancel && !_cancel.IsCancellationRequested)
        {
            _cancel.Cancel();
            FailWaitersOnCancel();
            ReleaseParked();
            WakeExecutor();
        }
        else if (control == RunControl.Pause && !_pauseRequested)
        {
            _pauseRequested = true;
            WakeExecutor();
        }
        else if (control == RunControl.None && _pauseRequested)
        {
            _pauseRequested = false;
            ReleaseParked();
        }
    }

    internal void Enter() => Interlocked.Increment(ref _busy);

    internal void Exit()
    {
        if (Interlocked.Decrement(ref _busy) == 0)
        {
            WakeExecutor();
        }
    }

    /// <summary>Stops this load after a store error; the run stays owned until released and is continued from its journal.</summary>
    internal void Fatal(Exception error)
    {
        _fatal ??= error;
        WakeExecutor();
    }

    private Task<object?> StartRoot()
    {
        var context = new WorkflowContext(this, string.Empty);
        Enter();
        try
        {
            return _workflow.Invoke(context, Run.Input, _engine);
        }
        catch (Exception e)
        {
            return Task.FromException<object?>(e);
        }
        finally
        {
            Exit();
        }
    }

    private void WakeExecutor() => _wake.Fire();

    private RunOutcome Abandon(Exception error)
    {
        lock (_gate)
        {
            _closed = true;
        }

        _cancel.Cancel();
        Log.RunAbandoned(_engine.Logger, RunId, error.GetType().Name, error.Message);
        return RunOutcome.Abandoned;
    }

    private async Task<RunOutcome> RepairFinishedAsync(JournalEntry terminal)
    {
        var status = terminal.Kind switch
        {
            JournalEntryKind.RunCompleted => RunStatus.Completed,
            JournalEntryKind.RunCancelled => RunStatus.Cancelled,
            _ => RunStatus.Failed,
        };
        await CommitAsync([], new CommitExtras { Status = status, Release = true }).ConfigureAwait(false);
        _engine.Notifications.StatusChanged(RunId, status);
        return status == RunStatus.Completed ? RunOutcome.Completed : RunOutcome.Failed;
    }
}
