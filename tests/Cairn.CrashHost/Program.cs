using System.Diagnostics;
using System.Globalization;
using Cairn;
using Cairn.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Modes (all on a SQLite file):
//   steps DB RUN N            host a run of N sequential steps until it completes; prints "body STEP" inside each step body,
//                             which then waits for a "go" line on stdin ("all" lets every body through); prints "done OUTPUT"
//   ask DB RUN                host a run that asks a question and then records the answer in a step; prints "waiting" once asked, "done OUTPUT" at the end
//   answer DB RUN VALUE       answer the run's question, print "answered", then kill this process with SIGKILL at once
//   crashy …, recover …       resuming after a crash: see ResumeModes
//   retry DB RUN              host a run whose step fails its first 3 attempts and is retried after 1 s durable timers;
//                             prints "attempt N" in the body, "suspended N" when the run is unloaded after N failed attempts
var mode = args[0];
if (mode is "crashy" or "recover")
{
    return await ResumeModes.RunAsync(args);
}

var db = args[1];
var runId = args[2];

var gate = new SemaphoreSlim(0);
var openGate = false;
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is { } line)
    {
        if (line == "all")
        {
            Volatile.Write(ref openGate, true);
            gate.Release(1_000_000);
        }
        else if (line == "go")
        {
            gate.Release();
        }
    }
});

var services = new ServiceCollection();
services.AddCairn(o =>
    {
        o.PollInterval = TimeSpan.FromMilliseconds(100);
        o.HoldTimersInMemoryUnder = TimeSpan.FromMilliseconds(100);
    })
    .UseSqlite(db)
    .AddWorkflow<int, int>("steps", async (ctx, n) =>
    {
        var v = 0;
        for (var i = 0; i < n; i++)
        {
            var input = v;
            v = await ctx.Step("step-" + (i + 1).ToString(CultureInfo.InvariantCulture), async s =>
            {
                Console.WriteLine("body " + s.StepName);
                if (!Volatile.Read(ref openGate))
                {
                    await gate.WaitAsync(s.CancellationToken);
                }

                return input + 1;
            });
        }

        return v;
    })
    .AddWorkflow<int>("retry", async ctx =>
        await ctx.Step("flaky", s =>
        {
            Console.WriteLine("attempt " + s.Attempt.ToString(CultureInfo.InvariantCulture));
            return s.Attempt < 4 ? throw new IOException("attempt " + s.Attempt.ToString(CultureInfo.InvariantCulture) + " failed") : s.Attempt;
        }, new StepOptions { Retry = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(1), BackoffFactor = 1 } }))
    .AddWorkflow<string>("ask", async ctx =>
    {
        var answer = await ctx.AskUser<string>("name", "Who are you?");
        return await ctx.Step("greet", _ => "hello " + answer);
    });
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IWorkflowClient>();
var host = provider.GetRequiredService<WorkflowHost>();

if (mode == "answer")
{
    await client.AnswerAsync(runId, null, args[3]);
    Console.WriteLine("answered");
    Console.Out.Flush();
    Process.GetCurrentProcess().Kill();
    return 0;
}

await host.StartAsync(CancellationToken.None);
Console.WriteLine("started");
if (mode == "steps")
{
    await client.StartAsync("steps", int.Parse(args[3], CultureInfo.InvariantCulture), new StartRunOptions { RunId = runId });
}
else if (mode == "retry")
{
    await client.StartAsync("retry", null, new StartRunOptions { RunId = runId });
    _ = Task.Run(async () =>
    {
        var reported = -1;
        while (true)
        {
            var run = await client.GetRunAsync(runId);
            var failed = (await client.GetJournalAsync(runId)).Count(e => e.Kind == Cairn.Journal.JournalEntryKind.StepAttemptFailed);
            if (run.Status == Cairn.Storage.RunStatus.Suspended && failed != reported)
            {
                reported = failed;
                Console.WriteLine("suspended " + failed.ToString(CultureInfo.InvariantCulture));
            }

            await Task.Delay(20);
        }
    });
}
else
{
    await client.StartAsync("ask", null, new StartRunOptions { RunId = runId });
    while ((await client.GetRunAsync(runId)) is { Status: not Cairn.Storage.RunStatus.Completed } run && run.WaitingFor.Count == 0)
    {
        await Task.Yield();
    }

    Console.WriteLine("waiting");
    Console.Out.Flush();
}

var output = await client.WaitForCompletionAsync(runId);
Console.WriteLine("done " + output.Output);
await host.StopAsync(CancellationToken.None);
return 0;
