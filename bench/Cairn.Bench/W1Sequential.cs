using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Cairn.Bench;

/// <summary>W1: W workflows start at once, each runs K sequential steps (int → int + 1), every result durable before the next step.</summary>
internal static class W1Sequential
{
    public static async Task<string> RunAsync(BenchArgs args)
    {
        var workflows = args.Workflows ?? 50;
        var steps = args.Steps ?? 20;
        await using var host = await BenchHost.StartAsync(args, b => b.AddWorkflow<int, int>("w1", async (ctx, k) =>
        {
            var v = 0;
            for (var i = 0; i < k; i++)
            {
                var input = v;
                v = await ctx.Step("step", _ => Step(input));
            }

            return v;
        }), concurrency: Math.Max(workflows, 1), fresh: true);

        // The untimed warm-up workflow goes through the same client calls as the timed ones, so the timed window
        // does not compile them.
        await RunAllAsync(host, ["warmup"], steps);

        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var jit0 = (Methods: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outputs = await RunAllAsync(host, Enumerable.Range(0, workflows).Select(i => $"wf-{i}"), steps);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;

        return new Json()
            .Add("workload", "W1").Add("store", args.StoreKind).Add("durability", args.Durability)
            .Add("workflows", workflows).Add("steps_per_workflow", steps)
            .Add("seconds", seconds).Add("steps_per_sec", workflows * (double)steps / seconds)
            .Add("cpu_seconds", cpu).Add("alloc_bytes_per_step", allocated / (workflows * (double)steps))
            .Add("jit_methods", System.Runtime.JitInfo.GetCompiledMethodCount() - jit0.Methods).Add("jit_seconds", (System.Runtime.JitInfo.GetCompilationTime() - jit0.Time).TotalSeconds).Add("check", outputs.Sum())
            .ToString();
    }

    private static async Task<int[]> RunAllAsync(BenchHost host, IEnumerable<string> runIds, int steps)
    {
        var ids = await Task.WhenAll(runIds.Select(id => host.Client.StartAsync("w1", steps, new StartRunOptions { RunId = id })));
        return await Task.WhenAll(ids.Select(id => host.Client.WaitForOutputAsync<int>(id)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Step(int x) => x + 1;
}
