using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cairn.Samples.Pipeline;

/// <summary>Prints each step body as it runs in this process; with <c>--crash-after N</c>, kills the process hard inside the step after the N-th durable one.</summary>
public sealed class StepLog(int? crashAfter)
{
    public ConcurrentDictionary<string, bool> RanHere { get; } = new();

    /// <summary>Gets or sets how many steps of the run are durable now (read from the journal).</summary>
    public Func<Task<int>> DurableSteps { get; set; } = () => Task.FromResult(0);

    public async Task<T> RunAsync<T>(StepContext step, Func<T> work)
    {
        if (crashAfter is { } limit && RanHere.Count >= limit)
        {
            while (await DurableSteps() < limit)
            {
                await Task.Delay(1);
            }

            Console.WriteLine($"  !! --crash-after {limit}: {limit} steps are durable; killing this process now (SIGKILL, no cleanup) inside step '{step.StepName}'");
            Console.Out.Flush();
            Process.GetCurrentProcess().Kill();
        }

        var result = work();
        RanHere[step.Position] = true;
        Console.WriteLine($"  ran    {step.StepName,-20} attempt {step.Attempt}  key {step.IdempotencyKey}");
        return result;
    }
}
