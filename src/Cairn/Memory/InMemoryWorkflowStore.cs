using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Memory;

/// <summary>
/// A store that keeps everything in memory: for tests and for workflows that need no durability.
/// It follows the same contract as the durable stores (the shared contract suite runs against it).
/// </summary>
public sealed partial class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, RunState> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<(StateScope, string, string), ScopedValue> _scoped = new();
    private long _nextSignalId = 1;
    private long _createOrder;

    /// <inheritdoc />
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            return ValueTask.FromResult(TryCreate(run));
        }
    }

    /// <inheritdoc />
    public ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_runs.TryGetValue(runId, out var s) ? s.Snapshot(withWaits: true) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalEntry> entries = _runs.TryGetValue(runId, out var s) ? s.Journal.ToArray() : [];
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SignalRecord> signals = _runs.TryGetValue(runId, out var s) ? s.Inbox.ToArray() : [];
            return ValueTask.FromResult(signals);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var claimed = _runs.Values
                .Where(s => request.Workflows.Contains(s.Workflow) && IsRunnable(s, request.Now))
                .OrderByDescending(s => s.Priority).ThenBy(s => s.WakeAt ?? s.CreatedAt).ThenBy(s => s.Order)
                .Take(request.Limit)
                .ToList();
            foreach (var s in claimed)
            {
                s.Status = RunStatus.Running;
                s.Owner = request.Owner;
                s.LeaseUntil = request.LeaseUntil;
                s.WakeAt = null;
                s.UpdatedAt = request.Now;
            }

            IReadOnlyList<RunRecord> result = claimed.Select(s => s.Snapshot(withWaits: true)).ToList();
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    public ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var s in _runs.Values.Where(s => s.Owner == owner))
            {
                s.LeaseUntil = leaseUntil;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> owners = _runs.Values.Where(s => s.Owner is not null).Select(s => s.Owner!).Distinct().ToList();
            return ValueTask.FromResult(owners);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var count = 0;
            foreach (var s in _runs.Values.Where(s => s.Owner == owner))
            {
                s.Owner = null;
                s.LeaseUntil = null;
                count++;
            }

            return ValueTask.FromResult(count);
        }
    }

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var next = _runs.Values
                .Where(s => s.Status.IsWaiting() && s.WakeAt is not null && workflows.Contains(s.Workflow))
                .Select(s => s.WakeAt).Min();
            return ValueTask.FromResult(next);
        }
    }

    /// <inheritdoc />
    public ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_scoped.TryGetValue((scope, scopeId, key), out var v) ? v : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<RunRecord> runs = _runs.Values
                .Where(s => (query.Status is null || s.Status == query.Status)
                    && (query.Workflow is null || s.Workflow == query.Workflow)
                    && (query.ParentRunId is null || s.ParentRunId == query.ParentRunId)
                    && (query.OriginRunId is null || s.Origin?.RunId == query.OriginRunId)
                    && (query.Owner is null || s.Owner == query.Owner)
                    && (query.CreatedSince is not { } since || s.CreatedAt >= since)
                    && (!query.OnlyWithControlRequest || s.Control != RunControl.None))
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Order)
                .Take(query.Limit)
                .Select(s => s.Snapshot(withWaits: false))
                .ToList();
            return ValueTask.FromResult(runs);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsRunnable(RunState s, DateTimeOffset now) => s.Status switch
    {
        RunStatus.Pending => true,
        RunStatus.Suspended or RunStatus.Parked => s.WakeAt is { } w && w <= now,
        RunStatus.Running => s.Owner is null || s.LeaseUntil is null || s.LeaseUntil < now,
        _ => false,
    };

    private bool TryCreate(NewRun run)
    {
        if (_runs.ContainsKey(run.RunId))
        {
            return false;
        }

        var s = new RunState(run, ++_createOrder);
        if (run.Owner is not null)
        {
            s.Status = RunStatus.Running;
            s.Owner = run.Owner;
            s.LeaseUntil = run.LeaseUntil;
        }

        s.Journal.Add(new JournalEntry { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = run.Workflow, Payload = run.Input, At = run.CreatedAt });
        _runs.Add(run.RunId, s);
        return true;
    }
}
