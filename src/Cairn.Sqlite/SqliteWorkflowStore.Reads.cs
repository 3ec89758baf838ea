using Cairn.Journal;
using Cairn.Sqlite.Internal;
using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Reads, each on a pooled read connection.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.GetRun(runId)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ReadJournal(runId)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ReadSignals(runId)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ListOwners()));
    }

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        cancellationToken.ThrowIfCancellationRequested();
        var names = WorkflowNames.ToJson(workflows);
        return ValueTask.FromResult(Readers.Read(q => q.GetNextWake(names)));
    }

    /// <inheritdoc />
    public ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.GetScopedState(scope, scopeId, key)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.Limit <= 0)
        {
            return ValueTask.FromResult<IReadOnlyList<RunRecord>>([]);
        }

        return ValueTask.FromResult(Readers.Read(q => q.ListRuns(query)));
    }
}
