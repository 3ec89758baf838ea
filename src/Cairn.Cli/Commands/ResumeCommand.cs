using System.CommandLine;
using Cairn.Cli.Execution;
using Cairn.Cli.Hosting;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary>
/// <c>cairn resume RUN_ID</c>: resumes a paused run and executes it here until it completes, fails or waits; this also
/// finishes a run whose process died, or one whose answer or event has arrived.
/// </summary>
internal sealed class ResumeCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> Detach = new("--detach") { Description = "Only resume; a cairn worker executes the run." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ResumeCommand(CliEnvironment environment)
        : base(environment, "resume", "Resume a run (paused, left behind by a process that died, or answered) and execute it here.")
    {
        Command.Add(RunId);
        Command.Add(Detach);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        var json = parse.GetValue(JsonOutput);
        var detach = parse.GetValue(Detach);
        var store = GetStore(parse);
        if (!store.Exists)
        {
            throw CliException.NotFound($"No run with id '{runId}': the store {store} does not exist; pass --store (or set {StoreLocation.EnvironmentVariable}) to the store the run was started on.");
        }

        await using var host = await CliHost.StartAsync(store, detach ? HostMode.Client : HostMode.Execute, cancellationToken: cancellationToken);
        var run = await host.Client.GetRunAsync(runId, cancellationToken);
        if (run.Status.IsFinished())
        {
            return Finished(run, json);
        }

        var status = await host.Client.ResumeAsync(runId, cancellationToken);
        if (!detach)
        {
            return await RunExecutor.ExecuteAsync(Environment, host, runId, json, cancellationToken);
        }

        if (json)
        {
            Json.Write(Out, RunJson.Status(runId, status));
        }
        else
        {
            Out.WriteLine($"Run {runId} is {Names.Of(status)}; a cairn worker executes it.");
        }

        return ExitCodes.Success;
    }

    private int Finished(RunInfo run, bool json)
    {
        if (json)
        {
            Json.Write(Out, RunJson.Status(run.RunId, run.Status));
        }

        switch (run.Status)
        {
            case RunStatus.Completed:
                if (!json)
                {
                    Out.WriteLine($"Run {run.RunId} has already completed; nothing to resume.");
                }

                return ExitCodes.Success;
            case RunStatus.Failed:
                Error.WriteLine($"Run {run.RunId} has failed ({run.Error?.Message}) and cannot be resumed; fix the cause and start a new run with cairn run.");
                return ExitCodes.RunFailed;
            default:
                Error.WriteLine($"Run {run.RunId} was cancelled and cannot be resumed; start a new run with cairn run.");
                return ExitCodes.RunFailed;
        }
    }
}
