using System.Globalization;
using System.Text.Json;
using Cairn;
using Cairn.Definitions;
using Cairn.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The modes for resuming after a crash:
///   crashy DB RUN [FILE]           host run RUN of "crashy": step a, then in parallel f0 (fails in this mode) and b (side-effecting;
///                                  its body blocks), then c. With FILE, the run is of that YAML definition instead (its exec steps
///                                  do the same). Prints "body RUN STEP" in each C# step body.
///   recover DB RUN STRATEGY [N|-] [FILE]
///                                  plan the strategy (checkpoint or step N) as a dry run and print "plan {json}", apply it, print
///                                  "applied RUN" (the run that continues), then host until the continuing run finishes and print "done STATUS". Bodies do not block.
/// </summary>
internal static class ResumeModes
{
    private static readonly TaskCompletionSource Never = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var (mode, db, runId) = (args[0], args[1], args[2]);
        var crashing = mode == "crashy";
        var file = crashing ? args.ElementAtOrDefault(3) : args.ElementAtOrDefault(5);
        var services = new ServiceCollection();
        var builder = services.AddCairn(o => o.PollInterval = TimeSpan.FromMilliseconds(100)).UseSqlite(db).AddDefinitions();
        Register(builder, crashing);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWorkflowClient>();
        var host = provider.GetRequiredService<WorkflowHost>();
        var workflow = "crashy";
        if (file is not null)
        {
            var yaml = await File.ReadAllTextAsync(file);
            workflow = (await provider.GetRequiredService<DefinitionCatalog>().RegisterAsync(DefinitionParser.Parse(yaml, file), yaml, file)).Name;
        }

        var continuing = runId;
        if (crashing)
        {
            await host.StartAsync(CancellationToken.None);
            await client.StartAsync(workflow, null, new StartRunOptions { RunId = runId });
        }
        else
        {
            var request = Request(args[3], args[4]);
            var plan = await client.ResumeAsync(runId, request with { DryRun = true });
            Console.WriteLine("plan " + JsonSerializer.Serialize(new
            {
                strategy = plan.Strategy.ToWireName(),
                rerun = plan.Rerun.Select(c => c.Name),
                outside = plan.OutsideEffects.Select(c => c.Name),
                notReached = plan.NotReached.Select(s => s.Id),
            }));
            continuing = (await client.ResumeAsync(runId, request)).ContinuingRunId;
            Console.WriteLine("applied " + continuing);
            await host.StartAsync(CancellationToken.None);
        }

        var run = await client.WaitForCompletionAsync(continuing);
        Console.WriteLine("done " + run.Status.ToWireName());
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static ResumeRequest Request(string strategy, string argument)
    {
        if (!ResumeStrategyNames.TryParse(strategy, out var s))
        {
            throw new ArgumentException("Unknown strategy " + strategy);
        }

        var value = argument == "-" ? null : argument;
        return new ResumeRequest
        {
            Strategy = s,
            Checkpoint = value is not null && int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null,
            StepId = value is not null && !int.TryParse(value, CultureInfo.InvariantCulture, out _) ? value : null,
            Value = s == ResumeStrategy.SkipFailed ? JsonSerializer.SerializeToElement(0) : null,
        };
    }

    private static void Register(CairnBuilder builder, bool crashing) => builder.AddWorkflow<int>("crashy", async ctx =>
    {
        await ctx.Step("a", Body("a", () => 1));
        var parts = await ctx.Gather(
            "fan",
            branch => branch.Step("f0", Body("f0", () => crashing ? throw new InvalidOperationException("f0 broke") : 1)),
            branch => branch.Step("b", async s =>
            {
                Console.WriteLine($"body {s.RunId} b");
                if (crashing)
                {
                    await Never.Task.WaitAsync(s.CancellationToken);
                }

                return 2;
            }, new StepOptions { SideEffecting = true }));
        return await ctx.Step("c", Body("c", () => parts.Sum()));
    });

    private static Func<StepContext, int> Body(string name, Func<int> result) => s =>
    {
        Console.WriteLine($"body {s.RunId} {name}");
        return result();
    };
}
