using System.CommandLine;
using System.Globalization;
using Cairn.Cli.Views;
using Cairn.Definitions;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn stats</c>: runs by status, error rate, run and step durations (mean, p50, p95) per workflow and step type, and the top errors.</summary>
internal sealed class StatsCommand : CliCommand
{
    private static readonly Option<string?> Workflow = new("--workflow") { Description = "Only runs of this workflow.", HelpName = "W" };
    private static readonly Option<string?> Since = new("--since") { Description = "Only runs started within this long, such as 24h or 7d.", HelpName = "DURATION" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public StatsCommand(CliEnvironment environment)
        : base(environment, "stats", "Error statistics: runs by status, error rate, run and step durations per workflow and step type, and the top errors.")
    {
        Command.Add(Workflow);
        Command.Add(Since);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = parse.GetValue(Since) is { } text
            ? Duration.TryParse(text, out var span) ? Environment.Time.GetUtcNow() - span : throw CliException.Usage($"--since '{text}' is not a duration; write it like 24h, 7d, 30m or 1d12h.")
            : null;
        await using var host = await OpenClientAsync(parse, cancellationToken);
        var stats = new RunStatistics(since, 0, []);
        if (host is not null)
        {
            var types = await StepTypes.LoadAsync(host.Catalog, cancellationToken);
            stats = await host.Client.GetStatisticsAsync(new StatisticsQuery { Workflow = parse.GetValue(Workflow), Since = since, StepType = types.Of }, cancellationToken);
        }

        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, FailureJson.Statistics(stats));
            return ExitCodes.Success;
        }

        if (stats.Workflows.Count == 0)
        {
            Error.WriteLine(since is null ? "No runs yet." : "No runs started in that time.");
            return ExitCodes.Success;
        }

        foreach (var workflow in stats.Workflows)
        {
            Write(workflow);
        }

        return ExitCodes.Success;
    }

    private void Write(WorkflowStatistics w)
    {
        var statuses = string.Join(", ", w.Runs.Where(p => p.Value > 0).Select(p => $"{Names.Of(p.Key)} {p.Value}"));
        var rate = w.ErrorRate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:0.#}%") : "n/a";
        Out.WriteLine($"{w.Workflow}: {w.Total} run(s) ({statuses}); error rate {rate}");
        Out.WriteLine($"  run durations   {Summary(w.RunDurations)}");
        if (w.StepTypes.Count > 0)
        {
            Out.WriteLine();
            var table = new TextTable("STEP TYPE", "COMPLETED", "FAILED", "SKIPPED", "FAILED ATTEMPTS", "MEAN", "P50", "P95");
            foreach (var s in w.StepTypes)
            {
                table.Add(s.Step, Count(s.Completed), Count(s.Failed), Count(s.Skipped), Count(s.FailedAttempts), Durations.Format(s.Durations.Mean), Durations.Format(s.Durations.P50), Durations.Format(s.Durations.P95));
            }

            table.WriteTo(Out, "  ");
        }

        if (w.TopErrors.Count > 0)
        {
            Out.WriteLine();
            var table = new TextTable("COUNT", "ERROR", "LAST RUN", "LAST SEEN");
            foreach (var e in w.TopErrors)
            {
                table.Add(Count(e.Count), RunText.Shorten($"{e.Type[(e.Type.LastIndexOf('.') + 1)..]}: {e.Message}", 90), e.LastRunId, RunText.Stamp(e.LastSeen));
            }

            table.WriteTo(Out, "  ");
        }

        Out.WriteLine();
    }

    private static string Summary(DurationSummary d) => d.Count == 0
        ? "none finished"
        : $"mean {Durations.Format(d.Mean)}, p50 {Durations.Format(d.P50)}, p95 {Durations.Format(d.P95)} ({Count(d.Count)} finished)";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
