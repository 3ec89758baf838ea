using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>A store that passes every call to another; tests override what they want to change.</summary>
public class DelegatingStore(IWorkflowStore inner) : IWorkflowStore
{
    public virtual ValueTask InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public virtual ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default) => inner.CreateRunAsync(run, cancellationToken);

    public virtual ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => inner.GetRunAsync(runId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(runId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default) => inner.ReadSignalsAsync(runId, cancellationToken);

    public virtual ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default) => inner.CommitAsync(commit, cancellationToken);

    public virtual ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default) => inner.ClaimAsync(request, cancellationToken);

    public virtual ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => inner.RenewLeasesAsync(owner, leaseUntil, cancellationToken);

    public virtual ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default) => inner.ListOwnersAsync(cancellationToken);

    public virtual ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default) => inner.ReleaseOwnerAsync(owner, cancellationToken);

    public virtual ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default) => inner.GetNextWakeAsync(workflows, cancellationToken);

    public virtual ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.SendSignalAsync(runId, name, payload, requireOpenWait, at, cancellationToken);

    public virtual ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default) => inner.GetScopedStateAsync(scope, scopeId, key, cancellationToken);

    public virtual ValueTask<IReadOnlyList<ScopedStateEntry>> ListScopedStateAsync(CancellationToken cancellationToken = default) => inner.ListScopedStateAsync(cancellationToken);

    public virtual ValueTask<bool> ImportScopedStateAsync(ScopedStateEntry entry, CancellationToken cancellationToken = default) => inner.ImportScopedStateAsync(entry, cancellationToken);

    public virtual ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default) => inner.ListRunsAsync(query, cancellationToken);

    public virtual ValueTask<DefinitionRecord> SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default) => inner.SaveDefinitionAsync(definition, cancellationToken);

    public virtual ValueTask<DefinitionRecord?> GetDefinitionAsync(string name, int? version = null, CancellationToken cancellationToken = default) => inner.GetDefinitionAsync(name, version, cancellationToken);

    public virtual ValueTask<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default) => inner.ListDefinitionsAsync(cancellationToken);

    public virtual ValueTask<IReadOnlyList<JournalBranch>> ReadJournalBranchesAsync(string runId, CancellationToken cancellationToken = default) => inner.ReadJournalBranchesAsync(runId, cancellationToken);

    public virtual ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default) => inner.ReadSnapshotAsync(runId, atOrBefore, cancellationToken);

    public virtual ValueTask<IReadOnlyList<StateSnapshot>> ListSnapshotsAsync(string runId, CancellationToken cancellationToken = default) => inner.ListSnapshotsAsync(runId, cancellationToken);

    public virtual ValueTask<int> ThinSnapshotsAsync(string runId, int keepLast, CancellationToken cancellationToken = default) => inner.ThinSnapshotsAsync(runId, keepLast, cancellationToken);

    public virtual ValueTask<bool> RewindRunAsync(RunRewind rewind, CancellationToken cancellationToken = default) => inner.RewindRunAsync(rewind, cancellationToken);

    public virtual ValueTask<bool> ImportRunAsync(RunImport run, CancellationToken cancellationToken = default) => inner.ImportRunAsync(run, cancellationToken);

    public virtual ValueTask<DeleteRunOutcome> DeleteRunAsync(string runId, CancellationToken cancellationToken = default) => inner.DeleteRunAsync(runId, cancellationToken);

    public virtual ValueTask<CircuitRecord?> GetCircuitAsync(string key, CancellationToken cancellationToken = default) => inner.GetCircuitAsync(key, cancellationToken);

    public virtual ValueTask<bool> SaveCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default) => inner.SaveCircuitAsync(circuit, cancellationToken);

    public virtual ValueTask<IReadOnlyList<CircuitRecord>> ListCircuitsAsync(CancellationToken cancellationToken = default) => inner.ListCircuitsAsync(cancellationToken);

    public virtual ValueTask<bool> ImportCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default) => inner.ImportCircuitAsync(circuit, cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return inner.DisposeAsync();
    }
}
