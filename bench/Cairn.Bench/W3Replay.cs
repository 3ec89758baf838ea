using System.Diagnostics;
using System.Globalization;
using Cairn.Journal;
using Cairn.Sqlite;
using Cairn.Storage;

namespace Cairn.Bench;

/// <summary>W3: resume one run whose journal already holds K completed steps; the time covers host start, load, replay of K steps and completion.</summary>
internal static class W3Replay
{
    public static async Task<string> RunAsync(BenchArgs args)
    {
        var steps = args.Steps ?? 100_000;
        var path = args.SqlitePath ?? throw new ArgumentException("W3 needs --store sqlite:PATH");
        BenchHost.DeleteStoreFiles(path);

        await WriteJournalAsync(path, steps);

        var clock = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(args, b => b.AddWorkflow<int, int>("w3", async (ctx, k) =>
        {
            var v = 0;
            for (var i = 0; i < k; i++)
            {
                var input = v;
                v = await ctx.Step("step", _ => input + 1);
            }

            return v;
        }), concurrency: 4, fresh: false);
        var output = await host.Client.WaitForOutputAsync<int>("w3");
        var seconds = clock.Elapsed.TotalSeconds;

        return new Json()
            .Add("workload", "W3").Add("store", args.StoreKind).Add("durability", args.Durability)
            .Add("workflows", 1).Add("steps_per_workflow", steps)
            .Add("seconds", seconds).Add("steps_per_sec", steps / seconds)
            .Add("check", output).ToString();
    }

    /// <summary>Writes a run that a process completed K steps of before it died: claimed, journaled, then freed.</summary>
    private static async Task WriteJournalAsync(string path, int steps)
    {
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path, Durability = SqliteDurability.Normal });
        await store.InitializeAsync();
        var now = DateTimeOffset.UnixEpoch;
        await store.CreateRunAsync(new NewRun { RunId = "w3", Workflow = "w3", Input = steps.ToString(CultureInfo.InvariantCulture), CreatedAt = now });
        const string owner = "setup";
        await store.ClaimAsync(new ClaimRequest(owner, now, DateTimeOffset.MaxValue, 1, ["w3"]));
        const int chunk = 10_000;
        for (var start = 0; start < steps; start += chunk)
        {
            var entries = Enumerable.Range(start, Math.Min(chunk, steps - start)).Select(i => new JournalEntry
            {
                Sequence = i + 2,
                Kind = JournalEntryKind.StepCompleted,
                Position = (i + 1).ToString(CultureInfo.InvariantCulture),
                Name = "step",
                Payload = (i + 1).ToString(CultureInfo.InvariantCulture),
                Attempt = 1,
                At = now,
                StartedAt = now,
            }).ToArray();
            await store.CommitAsync(new RunCommit { RunId = "w3", Owner = owner, Entries = entries, At = now });
        }

        await store.ReleaseOwnerAsync(owner);
    }
}
