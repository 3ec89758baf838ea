using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn checkpoint diff RUN_ID A B</c>: the state keys that differ between two checkpoints, and the steps recorded in between.</summary>
internal sealed class CheckpointDiffCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Argument<int> From = new("A") { Description = "The first checkpoint number." };
    private static readonly Argument<int> To = new("B") { Description = "The second checkpoint number." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public CheckpointDiffCommand(CliEnvironment environment)
        : base(environment, "diff", "Print what changed between two checkpoints of a run: state keys and step outputs.")
    {
        Command.Add(RunId);
        Command.Add(From);
        Command.Add(To);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var diff = await CheckpointText.ReadAsync(() => host.Client.DiffCheckpointsAsync(runId, parse.GetValue(From), parse.GetValue(To), cancellationToken));
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, CheckpointText.Json(diff));
        }
        else
        {
            CheckpointText.Write(Out, runId, diff);
        }

        return ExitCodes.Success;
    }
}
