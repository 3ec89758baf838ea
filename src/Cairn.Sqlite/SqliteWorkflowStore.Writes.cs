using Cairn.Sqlite.Internal;
using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>Writes, each durable when its task completes.</content>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public async ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.CreateRun(run)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var task = Writer.CommitAsync(commit);
        return new ValueTask<CommitResult>(cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Limit <= 0)
        {
            return [];
        }

        // Idle hosts poll often: look on a read connection first and take the write lock only when there is work.
        var workflows = WorkflowNames.ToJson(request.Workflows);
        if (Readers.Read(q => q.FindClaimable(workflows, request.Now, 1)).Count == 0)
        {
            return [];
        }

        return await Writer.RunAsync(w => w.Claim(request, workflows)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        await Writer.RunAsync(w => w.RenewLeases(owner, leaseUntil)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.ReleaseOwner(owner)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return await Writer.RunAsync(w => w.Deliver(runId, name, payload, at, requireOpenWait)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
