using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn show RUN_ID</c>: a run with its steps, progress, output or error, what it waits for, and its lineage (the runs it was restarted or forked from, and those restarted or forked from it).</summary>
internal sealed class ShowCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ShowCommand(CliEnvironment environment)
        : base(environment, "show", "Show a run: status, input, output or error, progress, steps and what it waits for.")
    {
        Command.Add(RunId);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var run = await host.Client.GetRunAsync(runId, cancellationToken);
        var progress = await host.Client.GetProgressAsync(runId, cancellationToken);
        var lineage = await host.Client.GetLineageAsync(runId, cancellationToken);
        var names = await StepNames.ReadAsync(host.Store, run, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, RunJson.Show(run, progress, lineage, names));
        }
        else
        {
            var now = Environment.Time.GetUtcNow();
            var due = await host.Store.GetRunAsync(runId, cancellationToken) is { WakeAt: { } wake } && wake <= now;
            RunText.Write(Out, run, progress, names, now, due);
            LineageText.Write(Out, lineage);
        }

        return ExitCodes.Success;
    }
}
