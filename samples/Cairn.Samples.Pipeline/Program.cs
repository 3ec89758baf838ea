using Cairn;
using Cairn.Hosting;
using Cairn.Samples.Pipeline;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;

// Usage: Cairn.Samples.Pipeline [--db PATH] [--crash-after N] [--reject]
var db = Arg("--db") ?? "cairn-sample.db";
var crashAfter = Arg("--crash-after") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
const string RunId = "report-1";

var log = new StepLog(crashAfter);
var services = new ServiceCollection();
services.AddSingleton(log);
services.AddCairn().UseSqlite(db).AddWorkflow<ReportPipeline>();
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IWorkflowClient>();
var host = provider.GetRequiredService<WorkflowHost>();
log.DurableSteps = async () => (await client.GetJournalAsync(RunId)).Count(e => e.Kind == Cairn.Journal.JournalEntryKind.StepCompleted);

var existing = (await client.ListRunsAsync()).FirstOrDefault(r => r.RunId == RunId);
if (existing is { } previous && previous.Status.IsFinished())
{
    Console.WriteLine($"{db} holds a finished run ({previous.Status.ToWireName()}); starting over with a new file.");
    await provider.DisposeAsync();
    foreach (var f in new[] { db, db + "-wal", db + "-shm" })
    {
        File.Delete(f);
    }

    return await RestartSelf();
}

Console.WriteLine(existing is null
    ? $"Starting run {RunId} on {db}" + (crashAfter is { } c ? $" (will crash after {c} steps)" : string.Empty)
    : $"Found run {RunId} on {db} ({existing.Status.ToWireName()}): the host resumes it from its journal");
await host.StartAsync(CancellationToken.None);
await client.StartAsync("report-pipeline", "durable workflows", new StartRunOptions { RunId = RunId });

// A reviewer answers the question through the client API as soon as it is asked.
var reviewer = Task.Run(async () =>
{
    while (true)
    {
        var run = await client.GetRunAsync(RunId);
        if (run.Status.IsFinished())
        {
            return;
        }

        if (run.WaitingFor.FirstOrDefault(w => w.Question is not null) is { Question: { } q })
        {
            var answer = !args.Contains("--reject");
            Console.WriteLine($"  asked  \"{q.Prompt}\" -> reviewer answers {(answer ? "yes" : "no")}");
            await client.AnswerAsync(RunId, q.Id, answer);
            return;
        }

        await Task.Delay(100);
    }
});

var final = await client.WaitForCompletionAsync(RunId);
await reviewer;
await host.StopAsync(CancellationToken.None);

Console.WriteLine();
Console.WriteLine($"Run {RunId}: {final.Status.ToWireName()} -> {final.Output}");
Console.WriteLine("Steps (replayed = completed by an earlier process, returned from the journal without running again):");
var progress = await client.GetProgressAsync(RunId);
foreach (var step in progress.Steps)
{
    var how = log.RanHere.ContainsKey(step.Position) ? "ran in this process" : "replayed from journal";
    Console.WriteLine($"  {step.Position,-4} {step.Name,-20} {step.Status.ToString().ToLowerInvariant(),-10} {how}");
}

var journal = await client.GetJournalAsync(RunId);
foreach (var wait in journal.Where(e => e.Kind == Cairn.Journal.JournalEntryKind.WaitStarted))
{
    Console.WriteLine($"  {wait.Position,-4} {"wait " + wait.Name,-20} {wait.Payload}");
}

Console.WriteLine($"Journal: {journal.Count} entries; checkpoints: {(await client.GetCheckpointsAsync(RunId)).Count}. Inspect the file with any SQLite tool: {db}");
return final.Status == RunStatus.Completed ? 0 : 1;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

async Task<int> RestartSelf()
{
    using var child = System.Diagnostics.Process.Start(Environment.ProcessPath!, Environment.GetCommandLineArgs().Skip(1))!;
    await child.WaitForExitAsync();
    return child.ExitCode;
}
