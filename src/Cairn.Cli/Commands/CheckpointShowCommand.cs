using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn checkpoint show RUN_ID N</c>: the run's state and step outputs at checkpoint N.</summary>
internal sealed class CheckpointShowCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Argument<int> Number = new("N") { Description = "The checkpoint number (0: the start; see cairn checkpoints)." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public CheckpointShowCommand(CliEnvironment environment)
        : base(environment, "show", "Print a run's state and step outputs as they stood at a checkpoint.")
    {
        Command.Add(RunId);
        Command.Add(Number);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var state = await CheckpointText.ReadAsync(() => host.Client.GetCheckpointStateAsync(runId, parse.GetValue(Number), cancellationToken));
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, CheckpointText.Json(state));
        }
        else
        {
            CheckpointText.Write(Out, runId, state);
        }

        return ExitCodes.Success;
    }
}
