using System.Diagnostics;
using Cairn.Storage;

namespace Cairn.Bench;

/// <summary>W4: N runs (default 10,000) each do a step and suspend on an event; RSS is read while all are suspended; then all are signalled and complete.</summary>
internal static class W4Suspended
{
    public static async Task<string> RunAsync(BenchArgs args)
    {
        var workflows = args.Workflows ?? 10_000;
        await using var host = await BenchHost.StartAsync(args, b => b.AddWorkflow<int, int>("w4", async (ctx, n) =>
        {
            var a = await ctx.Step("before", _ => n);
            var b = await ctx.WaitForEvent<int>("go");
            return await ctx.Step("after", _ => a + b);
        }), concurrency: 256, fresh: true);

        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, workflows).Select(i => $"w4-{i}").ToArray();
        foreach (var chunk in ids.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(id => host.Client.StartAsync("w4", 1, new StartRunOptions { RunId = id })));
        }

        while ((await host.Client.ListRunsAsync(new RunQuery { Status = RunStatus.Suspended, Limit = workflows })).Count < workflows)
        {
            await Task.Delay(50);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rssSuspended = process.WorkingSet64 / (1024.0 * 1024.0);

        foreach (var chunk in ids.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(id => host.Client.SignalAsync(id, "go", 1)));
        }

        var outputs = await Task.WhenAll(ids.Select(id => host.Client.WaitForOutputAsync<int>(id)));
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();

        return new Json()
            .Add("workload", "W4").Add("store", args.StoreKind).Add("durability", args.Durability)
            .Add("workflows", workflows).Add("steps_per_workflow", 2)
            .Add("seconds", seconds).Add("steps_per_sec", workflows * 2.0 / seconds)
            .Add("rss_mb", Math.Round(rssSuspended, 1)).Add("peak_rss_mb", Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1))
            .Add("check", outputs.Sum()).ToString();
    }
}
