using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Execution;

/// <summary>Says how a watched run ended and turns that into the exit code.</summary>
internal static class RunReport
{
    public static int Write(CliEnvironment environment, RunSnapshot last, bool json)
    {
        var run = last.Run;
        var output = environment.Console.Out;
        var error = environment.Console.Error;
        if (json)
        {
            Json.Write(output, RunJson.Status(run.RunId, run.Status));
        }

        switch (run.Status)
        {
            case RunStatus.Completed:
                if (!json)
                {
                    output.WriteLine($"Run {run.RunId} completed in {Durations.Format(last.Elapsed)}.");
                    if (run.Output is not null)
                    {
                        output.WriteLine($"Output: {run.Output}");
                    }
                }

                return ExitCodes.Success;
            case RunStatus.Failed:
                var failedStep = last.Progress.Steps.LastOrDefault(s => s.Status == StepStatus.Failed);
                var where = failedStep is null ? string.Empty : $" at step '{failedStep.Name}'";
                error.WriteLine($"Run {run.RunId} failed{where}: {run.Error?.Message ?? "no error recorded"}");
                error.WriteLine($"See cairn show {run.RunId} and cairn journal {run.RunId} for the details.");
                return ExitCodes.RunFailed;
            case RunStatus.Cancelled:
                error.WriteLine($"Run {run.RunId} was cancelled.");
                return ExitCodes.RunFailed;
            default:
                foreach (var line in WaitHints.ForStopped(run.RunId, run.Status, run.WaitingFor, last.Now))
                {
                    error.WriteLine(line);
                }

                return ExitCodes.Suspended;
        }
    }
}
