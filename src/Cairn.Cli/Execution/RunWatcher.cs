using Cairn.Cli.Hosting;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Execution;

/// <summary>
/// Follows a run while this process (or another) executes it, until it finishes or waits for something that will not
/// come soon: an event, an answer, a resume, or a timer due later than <see cref="KeepWaitingUnder"/>.
/// </summary>
internal sealed class RunWatcher(CliHost host, TimeProvider time)
{
    /// <summary>A run sleeping on a timer due within this time is waited for; a later one ends the watch.</summary>
    public static readonly TimeSpan KeepWaitingUnder = TimeSpan.FromSeconds(60);

    /// <summary>Watches the run until it finishes or waits for something outside this process.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="onUpdate">Called with every look at the run, the last one included.</param>
    /// <param name="interval">How often to look.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The last look.</returns>
    public async Task<RunSnapshot> WatchAsync(string runId, Action<RunSnapshot> onUpdate, TimeSpan interval, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        StepNames? names = null;
        while (true)
        {
            var record = await host.Store.GetRunAsync(runId, cancellationToken) ?? throw new RunNotFoundException(runId);
            var info = await host.Client.GetRunAsync(runId, cancellationToken);
            var progress = await host.Client.GetProgressAsync(runId, cancellationToken);
            names ??= await StepNames.ReadAsync(host.Store, info, cancellationToken);
            var now = time.GetUtcNow();
            var snapshot = new RunSnapshot(info, progress, now, time.GetElapsedTime(started), names);
            onUpdate(snapshot);
            if (!await KeepsGoingAsync(record, now, depth: 0, cancellationToken))
            {
                return snapshot;
            }

            await Task.Delay(interval, time, cancellationToken);
        }
    }

    /// <summary>Returns whether the run will move on by itself soon: it is pending or running, or due soon, or a child of it will.</summary>
    private async Task<bool> KeepsGoingAsync(RunRecord run, DateTimeOffset now, int depth, CancellationToken cancellationToken)
    {
        switch (run.Status)
        {
            case RunStatus.Pending or RunStatus.Running:
                return true;
            case RunStatus.Suspended or RunStatus.Parked:
                if (run.WakeAt is { } wake && wake <= now + KeepWaitingUnder)
                {
                    return true;
                }

                if (depth < 8 && run.Waits.Any(w => w.Kind == WaitKind.Child))
                {
                    var children = await host.Store.ListRunsAsync(new RunQuery { ParentRunId = run.RunId, Limit = 1000 }, cancellationToken);
                    foreach (var child in children.Where(c => !c.Status.IsFinished()))
                    {
                        var full = await host.Store.GetRunAsync(child.RunId, cancellationToken);
                        if (full is not null && await KeepsGoingAsync(full, now, depth + 1, cancellationToken))
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
