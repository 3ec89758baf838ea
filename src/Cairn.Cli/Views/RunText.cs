using System.Globalization;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>The text of <c>cairn show</c>.</summary>
internal static class RunText
{
    /// <summary>Writes a run.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="run">The run.</param>
    /// <param name="progress">Its steps.</param>
    /// <param name="names">The display names of its steps.</param>
    /// <param name="now">The time now.</param>
    /// <param name="due">Whether the suspended run may continue now: its answer, event or timer has arrived.</param>
    public static void Write(TextWriter writer, RunInfo run, RunProgress progress, StepNames names, DateTimeOffset now, bool due)
    {
        writer.WriteLine($"Run {run.RunId}");
        writer.WriteLine($"  workflow  {run.Workflow} v{run.Version}");
        writer.WriteLine($"  status    {Names.Of(run.Status)}");
        writer.WriteLine($"  created   {Stamp(run.CreatedAt)}");
        writer.WriteLine($"  updated   {Stamp(run.UpdatedAt)}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  progress  {progress.Done}/{progress.Total} steps ({progress.Percent:0.#}%)"));
        if (run.Input is not null)
        {
            writer.WriteLine($"  input     {run.Input}");
        }

        if (run.Output is not null)
        {
            writer.WriteLine($"  output    {run.Output}");
        }

        if (run.Error is { } error)
        {
            writer.WriteLine($"  error     {error.Message}");
        }

        if (progress.Steps.Count > 0)
        {
            writer.WriteLine();
            // The NAME column only when the definition names some of its steps.
            var named = progress.Steps.Any(s => names.Of(s.Name) is not null);
            var table = new TextTable(named ? ["POSITION", "STEP", "NAME", "STATUS", "ATTEMPTS", "DURATION", "OUTPUT"] : ["POSITION", "STEP", "STATUS", "ATTEMPTS", "DURATION", "OUTPUT"]);
            foreach (var step in progress.Steps)
            {
                string[] start = named ? [step.Position, step.Name, names.Of(step.Name) ?? string.Empty] : [step.Position, step.Name];
                table.Add([.. start, Names.Of(step.Status), step.Attempts.ToString(CultureInfo.InvariantCulture), Durations.Format(step.Duration), Shorten(step.Output)]);
            }

            table.WriteTo(writer, "  ");
        }

        if (due && run.Status.IsWaiting())
        {
            writer.WriteLine();
            writer.WriteLine($"  What it waited for has arrived: cairn resume {run.RunId} (or a running cairn worker) continues it.");
        }
        else if (run.WaitingFor.Count > 0 && !run.Status.IsFinished())
        {
            writer.WriteLine();
            foreach (var line in WaitHints.Describe(run.RunId, run.WaitingFor, now))
            {
                writer.WriteLine("  " + line);
            }
        }
    }

    public static string Stamp(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Shorten(string? text, int max = 60)
    {
        if (text is null)
        {
            return string.Empty;
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
