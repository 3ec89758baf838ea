using Cairn.Cli.Views;

namespace Cairn.Cli.Execution;

/// <summary>One look at a run being watched.</summary>
/// <param name="Run">The run.</param>
/// <param name="Progress">Its steps.</param>
/// <param name="Now">When it was read.</param>
/// <param name="Elapsed">How long this process has watched it.</param>
/// <param name="Names">The display names of its steps.</param>
internal sealed record RunSnapshot(RunInfo Run, RunProgress Progress, DateTimeOffset Now, TimeSpan Elapsed, StepNames Names)
{
    /// <summary>Gets the estimated time left: the mean duration of the finished steps times the steps left; unknown before a step finished.</summary>
    public TimeSpan? Eta
    {
        get
        {
            var finished = Progress.Steps.Where(s => s.Status == StepStatus.Completed && s.Duration is not null).ToList();
            var left = Progress.Total - Progress.Done;
            if (finished.Count == 0 || left <= 0)
            {
                return null;
            }

            var mean = TimeSpan.FromTicks((long)finished.Average(s => s.Duration!.Value.Ticks));
            var runningFor = Progress.Steps.Where(s => s.Status == StepStatus.Running && s.StartedAt is not null)
                .Select(s => Now - s.StartedAt!.Value).DefaultIfEmpty(TimeSpan.Zero).Max();
            var eta = (mean * left) - runningFor;
            return eta < TimeSpan.Zero ? TimeSpan.Zero : eta;
        }
    }
}
