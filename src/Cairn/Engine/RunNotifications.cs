using System.Collections.Concurrent;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>
/// The in-process stream of what happens to runs: status changes, journal appends, progress, and wake-ups for the
/// host (a run was created or signalled). Subscribers must be quick and must not throw.
/// </summary>
internal sealed class RunNotifications
{
    private readonly ConcurrentDictionary<string, List<TaskCompletionSource<RunRecord?>>> _finishWaiters = new(StringComparer.Ordinal);
    private volatile Action<string, IReadOnlyList<JournalEntry>>? _journal;

    /// <summary>Raised when a run is created or gets a signal, so that a host can claim it.</summary>
    public event Action<string>? Wakeup;

    /// <summary>Raised after a run's status changed durably.</summary>
    public event Action<string, RunStatus>? Status;

    /// <summary>Raised when a run reports progress.</summary>
    public event Action<string, int?, int?, string?>? ProgressReported;

    public bool HasJournalObservers => _journal is not null;

    public void SubscribeJournal(Action<string, IReadOnlyList<JournalEntry>> observer) => _journal += observer;

    public void UnsubscribeJournal(Action<string, IReadOnlyList<JournalEntry>> observer) => _journal -= observer;

    public void Appended(string runId, IReadOnlyList<JournalEntry> entries) => _journal?.Invoke(runId, entries);

    public void RunCreated(string runId) => Wakeup?.Invoke(runId);

    public void Signalled(string runId) => Wakeup?.Invoke(runId);

    public void Progress(string runId, int? done, int? total, string? message) => ProgressReported?.Invoke(runId, done, total, message);

    /// <summary>Reports a durable status change; for a finished run executed here, <paramref name="final"/> is its final record.</summary>
    public void StatusChanged(string runId, RunStatus status, RunRecord? final = null)
    {
        Status?.Invoke(runId, status);
        if (status.IsFinished() && _finishWaiters.TryRemove(runId, out var waiters))
        {
            lock (waiters)
            {
                foreach (var w in waiters)
                {
                    w.TrySetResult(final);
                }
            }
        }
    }

    /// <summary>Returns a task that completes when this process sees the run finish, with its final record when known.</summary>
    public Task<RunRecord?> WhenFinished(string runId)
    {
        var tcs = new TaskCompletionSource<RunRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = _finishWaiters.GetOrAdd(runId, _ => new List<TaskCompletionSource<RunRecord?>>());
        lock (list)
        {
            list.Add(tcs);
        }

        return tcs.Task;
    }
}
