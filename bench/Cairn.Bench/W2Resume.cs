using System.Diagnostics;
using System.Globalization;

namespace Cairn.Bench;

/// <summary>
/// W2: one workflow of 200 steps, each appending its number to a side file. A child process hangs inside step 101
/// (after its side effect) and is killed with SIGKILL; a second child resumes it. <c>seconds</c> is measured by the
/// resuming process from the start of its main code to completion (the peers' definition), <c>host_seconds</c> from
/// the start of the Cairn host (container, store open, recovery, replay and the remaining 99 steps);
/// <c>reexecuted</c> counts step bodies that ran twice.
/// </summary>
internal static class W2Resume
{
    private const int Steps = 200;
    private const int HangAt = 101;

    public static async Task<string> OrchestrateAsync(BenchArgs args)
    {
        var dir = Directory.CreateTempSubdirectory("cairn-w2-").FullName;
        var db = args.SqlitePath is null ? Path.Combine(dir, "w2.db") : args.SqlitePath;
        var side = Path.Combine(dir, "side.txt");
        using (var start = Child("w2-start", db, side, args.Durability))
        {
            while (!start.HasExited && Lines(side) < HangAt)
            {
                await Task.Delay(10);
            }

            start.Kill();
            await start.WaitForExitAsync();
        }

        var before = Lines(side);
        using var resume = Child("w2-resume", db, side, args.Durability);
        var line = await resume.StandardOutput.ReadToEndAsync();
        await resume.WaitForExitAsync();
        if (resume.ExitCode != 0)
        {
            throw new InvalidOperationException("w2-resume failed: " + await resume.StandardError.ReadToEndAsync());
        }

        var numbers = File.ReadAllLines(side).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var reexecuted = numbers.GroupBy(n => n).Count(g => g.Count() > 1);
        var (seconds, hostSeconds, check, jitMethods, jitSeconds) = ParseChild(line);
        Directory.Delete(dir, recursive: true);
        return new Json()
            .Add("workload", "W2").Add("store", args.StoreKind).Add("durability", args.Durability)
            .Add("steps", Steps).Add("executed_before_kill", before)
            .Add("seconds", seconds).Add("host_seconds", hostSeconds).Add("reexecuted", reexecuted).Add("distinct_steps_executed", numbers.Distinct().Count())
            .Add("jit_methods", jitMethods).Add("jit_seconds", jitSeconds).Add("check", check).ToString();
    }

    /// <summary>The child side: <c>w2-start</c> runs until it hangs in step 101; <c>w2-resume</c> lets the host recover and finish the run.</summary>
    public static async Task<int> ChildAsync(string mode, string db, string side, string durability, Stopwatch sinceMain)
    {
        var args = BenchArgs.Parse(["W2", "--store", "sqlite:" + db, "--durability", durability]);
        var hang = mode == "w2-start";
        var hostStart = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(args, b => b.AddWorkflow<int>("w2", async ctx =>
        {
            var v = 0;
            for (var i = 0; i < Steps; i++)
            {
                var input = v;
                v = await ctx.Step("step", async _ =>
                {
                    var output = input + 1;
                    await File.AppendAllTextAsync(side, output.ToString(CultureInfo.InvariantCulture) + "\n");
                    if (hang && output == HangAt)
                    {
                        await Task.Delay(Timeout.Infinite);
                    }

                    return output;
                });
            }

            return v;
        }), concurrency: 4, fresh: hang);

        if (hang)
        {
            await host.Client.StartAsync("w2", null, new StartRunOptions { RunId = "w2" });
            await Task.Delay(Timeout.Infinite);
        }

        var result = await host.Client.WaitForOutputAsync<int>("w2");
        var seconds = sinceMain.Elapsed.TotalSeconds;
        Console.WriteLine(new Json()
            .Add("seconds", seconds).Add("host_seconds", hostStart.Elapsed.TotalSeconds)
            .Add("jit_methods", System.Runtime.JitInfo.GetCompiledMethodCount()).Add("jit_seconds", System.Runtime.JitInfo.GetCompilationTime().TotalSeconds)
            .Add("check", result).ToString());
        return 0;
    }

    private static Process Child(string mode, string db, string side, string durability)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(W2Resume).Assembly.Location);
        }

        foreach (var a in new[] { mode, db, side, durability })
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    private static int Lines(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static (double Seconds, double HostSeconds, int Check, double JitMethods, double JitSeconds) ParseChild(string line)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(line.Trim());
        var root = doc.RootElement;
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("host_seconds").GetDouble(), root.GetProperty("check").GetInt32(),
            root.GetProperty("jit_methods").GetDouble(), root.GetProperty("jit_seconds").GetDouble());
    }
}
