using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Archived branches, rewinds, imports and deletion.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalBranch>> ReadJournalBranchesAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Readers.Read(q => q.ReadBranches(runId)));
    }

    /// <inheritdoc />
    public async ValueTask<bool> RewindRunAsync(RunRewind rewind, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckRewind(rewind);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.Rewind(rewind)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ImportRunAsync(RunImport run, CancellationToken cancellationToken = default)
    {
        StoreArgumentChecks.CheckImport(run);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.Import(run)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<DeleteRunOutcome> DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.Delete(runId)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
