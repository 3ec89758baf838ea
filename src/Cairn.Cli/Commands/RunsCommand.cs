using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn runs</c>: lists runs, newest first.</summary>
internal sealed class RunsCommand : CliCommand
{
    private static readonly Option<string?> Status = new("--status") { Description = "Only runs with this status: pending, running, suspended, parked, paused, completed, failed, cancelled.", HelpName = "S" };
    private static readonly Option<string?> Workflow = new("--workflow") { Description = "Only runs of this workflow.", HelpName = "W" };
    private static readonly Option<int> Limit = new("--limit") { Description = "The most runs listed.", DefaultValueFactory = _ => 50, HelpName = "N" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public RunsCommand(CliEnvironment environment)
        : base(environment, "runs", "List runs, newest first.")
    {
        Status.AcceptOnlyFromAmong(Enum.GetValues<RunStatus>().Select(s => s.ToWireName()).ToArray());
        Limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be 1 or more.");
            }
        });
        Command.Add(Status);
        Command.Add(Workflow);
        Command.Add(Limit);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var query = new RunQuery
        {
            Status = parse.GetValue(Status) is { } status ? Names.ParseRunStatus(status) : null,
            Workflow = parse.GetValue(Workflow),
            Limit = parse.GetValue(Limit),
        };
        await using var host = await OpenClientAsync(parse, cancellationToken);
        var runs = host is null ? [] : await host.Client.ListRunsAsync(query, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(runs.Select(r => (JsonNode)RunJson.Summary(r)).ToArray()));
            return ExitCodes.Success;
        }

        if (runs.Count == 0)
        {
            Error.WriteLine("No runs match; start one with cairn run FILE.");
            return ExitCodes.Success;
        }

        var table = new TextTable("RUN", "WORKFLOW", "VERSION", "STATUS", "CREATED", "UPDATED");
        foreach (var run in runs)
        {
            table.Add(run.RunId, run.Workflow, run.Version.ToString(CultureInfo.InvariantCulture), Names.Of(run.Status), RunText.Stamp(run.CreatedAt), RunText.Stamp(run.UpdatedAt));
        }

        table.WriteTo(Out);
        return ExitCodes.Success;
    }
}
