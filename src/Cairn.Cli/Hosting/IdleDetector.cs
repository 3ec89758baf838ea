using Cairn.Cli.Execution;
using Cairn.Hosting;
using Cairn.Storage;

namespace Cairn.Cli.Hosting;

/// <summary>
/// Tells when a worker has nothing left to do: it executes no run, and no run of a stored definition is pending, due
/// now or within <see cref="RunWatcher.KeepWaitingUnder"/>, or held by a lease that ran out or by a process that died.
/// A run this worker has claimed but not started yet counts as work, and idleness must hold over two looks a poll
/// interval apart.
/// </summary>
internal sealed class IdleDetector(CliHost host, TimeProvider time)
{
    private static readonly TimeSpan Settle = CliHost.PollInterval;
    private long? _idleSince;

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        if (host.Worker.ActiveRuns > 0 || await AnyRunnableAsync(cancellationToken))
        {
            _idleSince = null;
            return false;
        }

        _idleSince ??= time.GetTimestamp();
        return time.GetElapsedTime(_idleSince.Value) >= Settle;
    }

    private async Task<bool> AnyRunnableAsync(CancellationToken cancellationToken)
    {
        var workflows = (await host.Catalog.ListAsync(cancellationToken)).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        if (workflows.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (await host.Store.GetNextWakeAsync(workflows, cancellationToken) is { } wake && wake <= now + RunWatcher.KeepWaitingUnder)
        {
            return true;
        }

        var pending = await host.Store.ListRunsAsync(new RunQuery { Status = RunStatus.Pending, Limit = int.MaxValue }, cancellationToken);
        if (pending.Any(r => workflows.Contains(r.Workflow)))
        {
            return true;
        }

        var running = await host.Store.ListRunsAsync(new RunQuery { Status = RunStatus.Running, Limit = int.MaxValue }, cancellationToken);
        var me = host.Worker.Owner;
        return running.Any(r => r.Owner == me
            || (workflows.Contains(r.Workflow) && (r.Owner is null || r.LeaseUntil is null || r.LeaseUntil < now || OwnerId.IsDeadProcessOnThisMachine(r.Owner))));
    }
}
