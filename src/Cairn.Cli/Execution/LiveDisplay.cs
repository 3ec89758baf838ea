using System.Globalization;
using Cairn.Cli.Views;
using Cairn.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cairn.Cli.Execution;

/// <summary>Progress as a live table on a terminal: a line per step with status and duration, the overall percent and an ETA.</summary>
internal sealed class LiveDisplay(CliConsole console) : IRunDisplay
{
    public TimeSpan Interval => TimeSpan.FromMilliseconds(100);

    public async Task<RunSnapshot> ShowAsync(Func<Action<RunSnapshot>, Task<RunSnapshot>> watch)
    {
        var ansi = console.CreateAnsiConsole();
        return await ansi.Live(new Text("Starting…")).StartAsync(async context =>
            await watch(snapshot =>
            {
                context.UpdateTarget(Render(snapshot));
                context.Refresh();
            }));
    }

    private static IRenderable Render(RunSnapshot snapshot)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Step")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Duration").RightAligned());
        foreach (var step in snapshot.Progress.Steps)
        {
            var duration = step.Duration ?? (step.StartedAt is { } started ? snapshot.Now - started : null);
            table.AddRow(new Text(snapshot.Names.Label(step, snapshot.Progress)), new Markup(Status(step)), new Text(Durations.Format(duration)));
        }

        var progress = snapshot.Progress;
        var eta = snapshot.Eta is { } e && e >= TimeSpan.FromSeconds(1) && !snapshot.Run.Status.IsFinished() ? $" · ETA {Durations.Format(e)}" : string.Empty;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Run.Workflow} v{snapshot.Run.Version} · {Names.Of(snapshot.Run.Status)} · {progress.Done}/{progress.Total} steps · {progress.Percent:0.#}% · {Durations.Format(snapshot.Elapsed)}{eta}");
        return new Rows(table, new Text(summary, new Style(Color.Grey)));
    }

    private static string Status(StepProgress step)
    {
        var attempts = step.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (attempt {step.Attempts})") : string.Empty;
        var color = step.Status switch
        {
            StepStatus.Completed => "green",
            StepStatus.Failed => "red",
            StepStatus.Running => "yellow",
            _ => "grey",
        };
        return $"[{color}]{Names.Of(step.Status)}{attempts}[/]";
    }
}
