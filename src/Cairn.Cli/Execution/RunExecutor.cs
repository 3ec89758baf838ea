using Cairn.Cli.Hosting;

namespace Cairn.Cli.Execution;

/// <summary>Executes a run in this process with a progress display until it finishes or waits for something outside it.</summary>
internal static class RunExecutor
{
    public static async Task<int> ExecuteAsync(CliEnvironment environment, CliHost host, string runId, bool json, CancellationToken cancellationToken)
    {
        var display = RunDisplays.For(environment.Console, json);
        var watcher = new RunWatcher(host, environment.Time);
        RunSnapshot last;
        try
        {
            last = await display.ShowAsync(update => watcher.WatchAsync(runId, update, display.Interval, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Console.Error.WriteLine($"Interrupted: run {runId} stays in the store; cairn resume {runId} (or a cairn worker) finishes it.");
            return ExitCodes.Interrupted;
        }

        return RunReport.Write(environment, last, json);
    }
}
