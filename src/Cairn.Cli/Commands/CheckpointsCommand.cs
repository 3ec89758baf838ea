using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn checkpoints RUN_ID</c>: every completed step and named checkpoint of a run.</summary>
internal sealed class CheckpointsCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public CheckpointsCommand(CliEnvironment environment)
        : base(environment, "checkpoints", "List a run's checkpoints: every completed step and every named checkpoint.")
    {
        Command.Add(RunId);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var checkpoints = await host.Client.GetCheckpointsAsync(runId, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(checkpoints.Select(c => (JsonNode)RunJson.Checkpoint(c)).ToArray()));
            return ExitCodes.Success;
        }

        var table = new TextTable("NUMBER", "POSITION", "STEP", "AT", "LABEL", "METADATA");
        foreach (var checkpoint in checkpoints)
        {
            table.Add(checkpoint.Number.ToString(CultureInfo.InvariantCulture), checkpoint.Position, checkpoint.StepName, RunText.Stamp(checkpoint.At), checkpoint.Label, RunText.Shorten(checkpoint.Metadata));
        }

        table.WriteTo(Out);
        return ExitCodes.Success;
    }
}
