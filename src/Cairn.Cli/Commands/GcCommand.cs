using System.CommandLine;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Definitions;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn gc</c>: deletes finished runs (retention); never a pending, running, suspended or paused one, nor one whose child or parent is.</summary>
internal sealed class GcCommand : CliCommand
{
    private static readonly Option<int?> KeepLast = new("--keep-last") { Description = "Keep the N most recently finished of the matching runs (with --snapshots: the N newest snapshots of each run).", HelpName = "N" };
    private static readonly Option<string?> OlderThan = new("--older-than") { Description = "Delete only runs that finished longer ago than this, such as 7d or 12h.", HelpName = "DURATION" };
    private static readonly Option<string?> Status = new("--status") { Description = "Delete only runs with this status: completed, failed or cancelled.", HelpName = "STATUS" };
    private static readonly Option<string?> Workflow = new("--workflow") { Description = "Delete only runs of this workflow.", HelpName = "NAME" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Only list what would be deleted." };
    private static readonly Option<bool> Snapshots = new("--snapshots") { Description = "Delete old checkpoint state snapshots instead of runs: of each run (live ones too), all but the newest --keep-last N. Journals are not touched." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public GcCommand(CliEnvironment environment)
        : base(environment, "gc", "Delete finished runs with their journals (retention); live runs are never touched.")
    {
        foreach (var option in new Option[] { KeepLast, OlderThan, Status, Workflow, DryRun, Snapshots, JsonOutput })
        {
            Command.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Snapshots))
        {
            return await ThinSnapshotsAsync(parse, cancellationToken);
        }

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

    /// <summary><c>cairn gc --snapshots --keep-last N [--workflow W] [--dry-run]</c>.</summary>
    private async Task<int> ThinSnapshotsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(OlderThan) is not null || parse.GetValue(Status) is not null)
        {
            throw CliException.Usage("--snapshots thins the snapshots of every matching run whatever its age or status; drop --older-than and --status.");
        }

        var request = new SnapshotThinning
        {
            KeepLast = parse.GetValue(KeepLast) is { } keep and >= 0
                ? keep
                : throw CliException.Usage("--snapshots needs --keep-last N (0 or more): how many of each run's newest snapshots to keep; 0 deletes them all."),
            Workflow = parse.GetValue(Workflow),
            DryRun = parse.GetValue(DryRun),
        };
        await using var host = await OpenClientAsync(parse, cancellationToken);
        var result = host is null ? new SnapshotThinningResult(0, 0, request.DryRun) : await host.Client.ThinSnapshotsAsync(request, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonObject { ["dryRun"] = result.DryRun, ["runs"] = result.Runs, ["snapshotsDeleted"] = result.Deleted });
            return ExitCodes.Success;
        }

        var snapshots = $"{result.Deleted} snapshot{(result.Deleted == 1 ? string.Empty : "s")} of {result.Runs} run{(result.Runs == 1 ? string.Empty : "s")}";
        Error.WriteLine($"{(result.DryRun ? "Would delete" : "Deleted")} {snapshots}; journals are unchanged.");
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
