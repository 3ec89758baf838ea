using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn resolve RUN_ID --retry | --skip [--value JSON] | --fail</c>: resolves a parked or escalated step, or retries or skips a failed run's step.</summary>
internal sealed class ResolveCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> Retry = new("--retry") { Description = "Try the step again (a failed run is resumed with retry-failed)." };
    private static readonly Option<bool> Skip = new("--skip") { Description = "Skip the step; --value gives the output it stands in with (a failed run is resumed with skip-failed)." };
    private static readonly Option<bool> Fail = new("--fail") { Description = "Fail the step (a parked or escalated one)." };
    private static readonly Option<string?> Value = new("--value") { Description = "With --skip: the stand-in output, as JSON.", HelpName = "JSON" };
    private static readonly Option<string?> Step = new("--step") { Description = "The step; needed only when several wait for a resolution.", HelpName = "ID" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ResolveCommand(CliEnvironment environment)
        : base(environment, "resolve", "Resolve a failed step: retry it, skip it with a value, or fail it; whichever process executes the run receives it.")
    {
        Command.Add(RunId);
        foreach (var option in new Option[] { Retry, Skip, Fail, Value, Step, JsonOutput })
        {
            Command.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        var resolution = Resolution(parse);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var status = await host.Client.ResolveAsync(runId, resolution, parse.GetValue(Step), cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, RunJson.Status(runId, status));
        }
        else
        {
            Out.WriteLine($"Resolution ({ResolutionName(resolution.Action)}) stored for run {runId} ({Names.Of(status)}). A cairn worker or cairn resume {runId} continues it.");
        }

        return ExitCodes.Success;
    }

    private static Resolution Resolution(ParseResult parse)
    {
        var chosen = new[] { (parse.GetValue(Retry), ResolutionAction.Retry), (parse.GetValue(Skip), ResolutionAction.Skip), (parse.GetValue(Fail), ResolutionAction.Fail) }
            .Where(c => c.Item1).Select(c => c.Item2).ToList();
        if (chosen.Count != 1)
        {
            throw CliException.Usage("Give exactly one of --retry, --skip (with --value JSON for the stand-in output) or --fail.");
        }

        var value = parse.GetValue(Value);
        if (value is not null && chosen[0] != ResolutionAction.Skip)
        {
            throw CliException.Usage("--value goes with --skip: it is the output the skipped step stands in with.");
        }

        return new Resolution(chosen[0], value is null ? null : Json.ParseArgument(value, "--value"));
    }

    private static string ResolutionName(ResolutionAction action) => action switch
    {
        ResolutionAction.Retry => "retry",
        ResolutionAction.Skip => "skip",
        _ => "fail",
    };
}
