using System.CommandLine;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Definitions;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn gc</c>: deletes finished runs (retention); never a pending, running, suspended or paused one, nor one whose child or parent is.</summary>
internal sealed class GcCommand : CliCommand
{
    private static readonly Option<int?> KeepLast = new("--keep-last") { Description = "Keep the N most recently finished of the matching runs.", HelpName = "N" };
    private static readonly Option<string?> OlderThan = new("--older-than") { Description = "Delete only runs that finished longer ago than this, such as 7d or 12h.", HelpName = "DURATION" };
    private static readonly Option<string?> Status = new("--status") { Description = "Delete only runs with this status: completed, failed or cancelled.", HelpName = "STATUS" };
    private static readonly Option<string?> Workflow = new("--workflow") { Description = "Delete only runs of this workflow.", HelpName = "NAME" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Only list what would be deleted." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public GcCommand(CliEnvironment environment)
        : base(environment, "gc", "Delete finished runs with their journals (retention); live runs are never touched.")
    {
        foreach (var option in new Option[] { KeepLast, OlderThan, Status, Workflow, DryRun, JsonOutput })
        {
            Command.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = new PurgeRequest
        {
            KeepLast = parse.GetValue(KeepLast),
            OlderThan = parse.GetValue(OlderThan) is { } age
                ? Duration.TryParse(age, out var span) ? span : throw CliException.Usage($"--older-than '{age}' is not a duration; write it like 7d, 12h, 30m or 1d12h.")
                : null,
            Status = parse.GetValue(Status) is { } status
                ? Names.ParseRunStatus(status) ?? throw CliException.Usage($"--status '{status}' is not a run status; use completed, failed or cancelled.")
                : null,
            Workflow = parse.GetValue(Workflow),
            DryRun = parse.GetValue(DryRun),
        };
        await using var host = await OpenClientAsync(parse, cancellationToken);
        var result = host is null ? new PurgeResult([], [], request.DryRun) : await host.Client.PurgeAsync(request, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonObject
            {
                ["dryRun"] = result.DryRun,
                ["deleted"] = new JsonArray(result.Deleted.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
                ["spared"] = new JsonArray(result.Spared.Select(s => (JsonNode)new JsonObject { ["runId"] = s.RunId, ["reason"] = Reason(s.Reason) }).ToArray()),
            });
            return ExitCodes.Success;
        }

        foreach (var id in result.Deleted)
        {
            Out.WriteLine(id);
        }

        foreach (var spared in result.Spared)
        {
            Error.WriteLine($"Kept {spared.RunId}: {Reason(spared.Reason)}.");
        }

        Error.WriteLine($"{(result.DryRun ? "Would delete" : "Deleted")} {result.Deleted.Count} finished run{(result.Deleted.Count == 1 ? string.Empty : "s")}.");
        return ExitCodes.Success;
    }

    private static string Reason(DeleteRunOutcome outcome) => outcome switch
    {
        DeleteRunOutcome.ChildActive => "a child run is still active",
        DeleteRunOutcome.ParentActive => "its parent run is still active",
        DeleteRunOutcome.NotFinished => "it is active again",
        _ => outcome.ToString(),
    };
}
