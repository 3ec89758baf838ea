using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Cairn.Definitions;

/// <summary>
/// Runs evaluations on background threads with a large stack, so that deep but legal nesting never reaches the end
/// of the stack (which would end the process), and the sandbox's own stack checks always have room to fail cleanly.
/// Threads are started on demand, up to a few per processor, and stay for the next evaluation.
/// </summary>
internal static class ScriptThreads
{
    private const int StackSize = 16 * 1024 * 1024;
    private static readonly int MaxThreads = Math.Max(4, Environment.ProcessorCount * 2);
    private static readonly BlockingCollection<Action> Work = [];
    private static int _threads;
    private static int _idle;

    /// <summary>Runs <paramref name="work"/> on a script thread and waits for it; its exception is rethrown here.</summary>
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var gate = new object();
        var done = false;
        Work.Add(() =>
        {
            try
            {
                result = work();
            }
#pragma warning disable CA1031 // Every failure is handed back to the caller's thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                lock (gate)
                {
                    done = true;
                    Monitor.Pulse(gate);
                }
            }
        });
        StartThreadIfNeeded();
        lock (gate)
        {
            while (!done)
            {
                Monitor.Wait(gate);
            }
        }

        failure?.Throw();
        return result;
    }

    private static void StartThreadIfNeeded()
    {
        if (Work.Count <= Volatile.Read(ref _idle))
        {
            return;
        }

        var count = Volatile.Read(ref _threads);
        while (count < MaxThreads)
        {
            var seen = Interlocked.CompareExchange(ref _threads, count + 1, count);
            if (seen == count)
            {
                var thread = new Thread(Loop, StackSize) { IsBackground = true, Name = "Cairn script" };
                thread.Start();
                return;
            }

            count = seen;
        }
    }

    private static void Loop()
    {
        while (true)
        {
            Interlocked.Increment(ref _idle);
            var item = Work.Take();
            Interlocked.Decrement(ref _idle);
            item();
        }
    }
}
