using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn signal RUN_ID EVENT</c>: sends a named event to a run, through the store.</summary>
internal sealed class SignalCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Argument<string> Event = new("EVENT") { Description = "The event name the run waits for." };
    private static readonly Option<string?> Data = new("--data") { Description = "The event's data as JSON.", HelpName = "JSON" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public SignalCommand(CliEnvironment environment)
        : base(environment, "signal", "Send an event to a run; whichever process executes the run receives it.")
    {
        Command.Add(RunId);
        Command.Add(Event);
        Command.Add(Data);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        var name = parse.GetRequiredValue(Event);
        var data = parse.GetValue(Data) is { } text ? Json.ParseArgument(text, "--data") : (object?)null;
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        await host.Client.SignalAsync(runId, name, data, cancellationToken);
        var run = await host.Client.GetRunAsync(runId, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, RunJson.Status(runId, run.Status));
        }
        else
        {
            Out.WriteLine($"Event '{name}' sent to run {runId} ({Names.Of(run.Status)}). A cairn worker or cairn resume {runId} continues it.");
        }

        return ExitCodes.Success;
    }
}
