using System.CommandLine;
using Cairn.Cli.Hosting;
using Cairn.Cli.Views;
using Cairn.Storage;
using Microsoft.Extensions.Logging;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn worker</c>: executes queued and due runs, including runs left behind by a process that died.</summary>
internal sealed class WorkerCommand : CliCommand
{
    private static readonly Option<int> Concurrency = new("--concurrency")
    {
        Description = "The most runs executed at once.",
        DefaultValueFactory = _ => 8,
        HelpName = "N",
    };

    private static readonly Option<bool> UntilIdle = new("--until-idle") { Description = "Exit once nothing is executing and no run is runnable now or due within 60 seconds." };

    public WorkerCommand(CliEnvironment environment)
        : base(environment, "worker", "Execute queued and due runs (also those left behind by a process that died) until stopped.")
    {
        Concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrency must be 1 or more.");
            }
        });
        Command.Add(Concurrency);
        Command.Add(UntilIdle);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var store = GetStore(parse);
        var untilIdle = parse.GetValue(UntilIdle);
        var concurrency = parse.GetValue(Concurrency);
        var started = Environment.Time.GetUtcNow();
        await using var host = await CliHost.StartAsync(store, HostMode.Execute, concurrency, LogLevel.Warning, cancellationToken);
        Error.WriteLine(untilIdle
            ? $"Worker on {store} (concurrency {concurrency}): executing runnable runs, then exiting."
            : $"Worker on {store} (concurrency {concurrency}): executing runs; Ctrl+C stops it.");
        var idle = new IdleDetector(host, Environment.Time);
        var seen = new Dictionary<string, RunStatus>(StringComparer.Ordinal);
        await ReportChangesAsync(host, seen, since: started, cancellationToken);
        try
        {
            while (true)
            {
                await ReportChangesAsync(host, seen, since: null, cancellationToken);
                if (untilIdle && await idle.IsIdleAsync(cancellationToken))
                {
                    await ReportChangesAsync(host, seen, since: null, cancellationToken);
                    Error.WriteLine("Idle: no run is runnable now.");
                    return ExitCodes.Success;
                }

                await Task.Delay(CliHost.PollInterval, Environment.Time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error.WriteLine("Worker stopped; the runs it held continue in the next worker.");
            return ExitCodes.Success;
        }
    }

    /// <summary>
    /// Prints a line for every run of the store whose status changed since the last look; on the first look (with
    /// <paramref name="since"/>), for the runs changed since this worker started.
    /// </summary>
    private async Task ReportChangesAsync(CliHost host, Dictionary<string, RunStatus> seen, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var runs = await host.Client.ListRunsAsync(new RunQuery { Limit = 1000 }, cancellationToken);
        foreach (var run in runs.Reverse())
        {
            if (seen.TryGetValue(run.RunId, out var before) && before == run.Status)
            {
                continue;
            }

            seen[run.RunId] = run.Status;
            if (since is { } start && run.UpdatedAt < start)
            {
                continue;
            }

            var detail = run.Status switch
            {
                RunStatus.Failed => ": " + run.Error?.Message,

                // Listed runs come without their waits; read the run for them.
                RunStatus.Suspended or RunStatus.Parked => ": " + string.Join(" ", WaitHints.Describe(run.RunId, (await host.Client.GetRunAsync(run.RunId, cancellationToken)).WaitingFor, Environment.Time.GetUtcNow())),
                _ => string.Empty,
            };
            Out.WriteLine($"{run.RunId} {run.Workflow} v{run.Version} {Names.Of(run.Status)}{detail}");
        }

        Out.Flush();
    }
}
