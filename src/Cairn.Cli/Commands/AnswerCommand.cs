using System.CommandLine;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn answer RUN_ID VALUE</c>: answers a question a run asked, through the store.</summary>
internal sealed class AnswerCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Argument<string> Value = new("VALUE") { Description = "The answer: yes or no for approvals, an option id for choices, text otherwise." };
    private static readonly Option<string?> Question = new("--question") { Description = "The question id; needed only when the run has several open questions.", HelpName = "ID" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public AnswerCommand(CliEnvironment environment)
        : base(environment, "answer", "Answer a question a run asked; whichever process executes the run receives it.")
    {
        Command.Add(RunId);
        Command.Add(Value);
        Command.Add(Question);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        await host.Client.AnswerAsync(runId, parse.GetValue(Question), parse.GetRequiredValue(Value), cancellationToken);
        var run = await host.Client.GetRunAsync(runId, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, RunJson.Status(runId, run.Status));
        }
        else
        {
            Out.WriteLine($"Answer stored for run {runId} ({Names.Of(run.Status)}). A cairn worker or cairn resume {runId} continues it.");
        }

        return ExitCodes.Success;
    }
}
