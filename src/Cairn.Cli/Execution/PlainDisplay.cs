using System.Globalization;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Execution;

/// <summary>Progress as plain lines, one each time a step starts or ends: for pipes, files and CI logs.</summary>
internal sealed class PlainDisplay(TextWriter writer) : IRunDisplay
{
    private readonly Dictionary<string, StepStatus> _seen = new(StringComparer.Ordinal);

    public TimeSpan Interval => TimeSpan.FromMilliseconds(200);

    public Task<RunSnapshot> ShowAsync(Func<Action<RunSnapshot>, Task<RunSnapshot>> watch) => watch(Update);

    private void Update(RunSnapshot snapshot)
    {
        foreach (var step in snapshot.Progress.Steps)
        {
            if (_seen.TryGetValue(step.Position, out var before) && before == step.Status)
            {
                continue;
            }

            _seen[step.Position] = step.Status;
            var progress = snapshot.Progress;
            var line = string.Create(CultureInfo.InvariantCulture, $"[{progress.Done}/{progress.Total} {progress.Percent,5:0.#}%] {snapshot.Names.Label(step, progress)} {Names.Of(step.Status)}");
            if (step.Status != StepStatus.Running && step.Duration is { } duration)
            {
                line += $" in {Durations.Format(duration)}";
            }

            if (step.Status == StepStatus.Running && step.Attempts > 1)
            {
                line += string.Create(CultureInfo.InvariantCulture, $" (attempt {step.Attempts})");
            }

            if (snapshot.Eta is { } eta && eta >= TimeSpan.FromSeconds(1) && !snapshot.Run.Status.IsFinished())
            {
                line += $", ETA {Durations.Format(eta)}";
            }

            writer.WriteLine(line);
        }

        writer.Flush();
    }
}
