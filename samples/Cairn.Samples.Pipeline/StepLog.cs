using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cairn.Samples.Pipeline;

/// <summary>Prints each step body as it runs in this process, and kills the process hard once enough steps are done.</summary>
public sealed class StepLog(int? crashAfter)
{
    private int _done;

    public ConcurrentDictionary<string, bool> RanHere { get; } = new();

    public T Run<T>(StepContext step, Func<T> work)
    {
        if (crashAfter is { } limit && Volatile.Read(ref _done) >= limit)
        {
            Console.WriteLine($"  !! --crash-after {limit}: killing this process now (SIGKILL, no cleanup), inside step '{step.StepName}'");
            Console.Out.Flush();
            Process.GetCurrentProcess().Kill();
        }

        var result = work();
        RanHere[step.Position] = true;
        Console.WriteLine($"  ran    {step.StepName,-20} attempt {step.Attempt}  key {step.IdempotencyKey}");
        Interlocked.Increment(ref _done);
        return result;
    }
}
