using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn dead-letters</c>: lists failed and parked runs with the step, its error and its attempts.</summary>
internal sealed class DeadLettersCommand : CliCommand
{
    private static readonly Option<string?> Workflow = new("--workflow") { Description = "Only runs of this workflow.", HelpName = "W" };
    private static readonly Option<int> Limit = new("--limit") { Description = "The most runs listed.", DefaultValueFactory = _ => 100, HelpName = "N" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public DeadLettersCommand(CliEnvironment environment)
        : base(environment, "dead-letters", "List failed runs and runs with a parked step, newest first, with the step, its error and its attempts.")
    {
        Limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be 1 or more.");
            }
        });
        Command.Add(Workflow);
        Command.Add(Limit);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var host = await OpenClientAsync(parse, cancellationToken);
        var letters = host is null
            ? []
            : await host.Client.ListDeadLettersAsync(new DeadLetterQuery { Workflow = parse.GetValue(Workflow), Limit = parse.GetValue(Limit) }, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(letters.Select(l => (JsonNode)FailureJson.DeadLetter(l)).ToArray()));
            return ExitCodes.Success;
        }

        if (letters.Count == 0)
        {
            Error.WriteLine("No failed or parked runs.");
            return ExitCodes.Success;
        }

        var table = new TextTable("RUN", "WORKFLOW", "STATUS", "STEP", "ATTEMPTS", "UPDATED", "ERROR");
        foreach (var letter in letters)
        {
            table.Add(
                letter.RunId,
                letter.Workflow,
                Names.Of(letter.Status),
                letter.Step ?? string.Empty,
                letter.Attempts.ToString(CultureInfo.InvariantCulture),
                RunText.Stamp(letter.UpdatedAt),
                Describe(letter));
        }

        table.WriteTo(Out);
        Out.WriteLine();
        Out.WriteLine("Act on one with cairn resolve RUN_ID --retry | --skip --value JSON | --fail (or a resume strategy: cairn resume RUN_ID --strategy ...).");
        return ExitCodes.Success;
    }

    private static string Describe(DeadLetter letter)
    {
        var error = letter.Error is { } e ? RunText.Shorten($"{e.Type[(e.Type.LastIndexOf('.') + 1)..]}: {e.Message}", 90) : string.Empty;
        return letter.Circuit is { } circuit
            ? $"circuit '{circuit}' open until {(letter.Until is { } until ? RunText.Stamp(until) : "?")}" + (error.Length == 0 ? string.Empty : "; last: " + error)
            : error;
    }
}
