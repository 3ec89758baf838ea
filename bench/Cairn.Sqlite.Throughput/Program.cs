// Durable commits per second of SqliteWorkflowStore: N runs, each committing one step entry after another
// (one CommitAsync with one JournalEntry per step), all at once, as a host executing N runs does.
//
//   dotnet run -c Release --project bench/Cairn.Sqlite.Throughput -- [runs] [seconds] [full|normal] [folder]
//
// Defaults: 50 runs, 10 seconds (after 2 seconds of warm-up), full durability, the system temp folder.
using System.Diagnostics;
using System.Globalization;
using Cairn.Journal;
using Cairn.Sqlite;
using Cairn.Storage;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var durability = args.Length > 2 && args[2] == "normal" ? SqliteDurability.Normal : SqliteDurability.Full;
var folder = Path.Combine(args.Length > 3 ? args[3] : Path.GetTempPath(), "cairn-throughput-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = Path.Combine(folder, "cairn.db"), Durability = durability });
    await using (store)
    {
        await store.InitializeAsync();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, runs).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        await Task.WhenAll(ids.Select(id => store.CreateRunAsync(new NewRun { RunId = id, Workflow = "bench", Input = """{"order":12345}""", CreatedAt = start }).AsTask()));
        var claimed = 0;
        while (claimed < runs)
        {
            claimed += (await store.ClaimAsync(new ClaimRequest("host-1", start, start.AddHours(1), runs, ["bench"]))).Count;
        }

        long committed = 0;
        var stop = false;
        async Task StepAsync(string runId)
        {
            for (long sequence = 2; !Volatile.Read(ref stop); sequence++)
            {
                var at = start.AddMilliseconds(sequence);
                await store.CommitAsync(new RunCommit
                {
                    RunId = runId,
                    Owner = "host-1",
                    Entries =
                    [
                        new JournalEntry
                        {
                            Sequence = sequence,
                            Kind = JournalEntryKind.StepCompleted,
                            Position = sequence.ToString(CultureInfo.InvariantCulture),
                            Name = "charge-card",
                            Payload = """{"status":"ok","amount":1999,"currency":"EUR"}""",
                            Attempt = 1,
                            At = at,
                            StartedAt = at,
                        },
                    ],
                    At = at,
                });
                Interlocked.Increment(ref committed);
            }
        }

        var steps = ids.Select(id => Task.Run(() => StepAsync(id))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = Interlocked.Read(ref committed);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var count = Interlocked.Read(ref committed) - before;
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(steps);

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"runs={runs} durability={durability}: {count / elapsed:N0} commits/s ({count:N0} in {elapsed:N1} s, {cpu / elapsed:P0} of one core)"));
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}
