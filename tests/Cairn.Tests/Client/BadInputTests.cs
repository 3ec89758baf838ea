using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Tests.Client;

public sealed class BadInputTests
{
    [Fact]
    public async Task GetRun_UnknownId_ThrowsRunNotFoundSayingWhatToCheck()
    {
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int>("w", _ => Task.FromResult(1)));
        var error = await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.GetRunAsync("nope"));
        Assert.Equal("No run with id 'nope' exists in this store. Check the id (list runs to see them) and the store it was started on.", error.Message);
        await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.SignalAsync("nope", "e"));
        await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.AnswerAsync("nope", null, "x"));
        await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.CancelAsync("nope"));
    }

    [Fact]
    public async Task Answer_RunThatIsNotWaiting_ThrowsAndStoresNothing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int>("busy", async ctx =>
        {
            await ctx.Step("work", async _ =>
            {
                await release.Task;
                return 1;
            });
            return await ctx.AskUser<int>("later", "Later?");
        }));
        var id = await host.Client.StartAsync("busy");
        await host.WaitForStatusAsync(id, RunStatus.Running);
        var journalBefore = await host.Client.GetJournalAsync(id);

        var error = await Assert.ThrowsAsync<RunNotWaitingException>(() => host.Client.AnswerAsync(id, "later", 5));

        Assert.Equal($"Run '{id}' is not waiting for an answer to question 'later': it has no open question (status running). Nothing was stored. Show the run to see what it waits for.", error.Message);
        Assert.Empty(await host.Store.ReadSignalsAsync(id));
        Assert.Equal(journalBefore.Count, (await host.Client.GetJournalAsync(id)).Count);
        release.SetResult();
    }

    [Fact]
    public async Task Answer_FinishedRun_ThrowsRunNotWaiting()
    {
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int>("quick", _ => Task.FromResult(1)));
        var id = await host.Client.StartAsync("quick");
        await host.Client.WaitForCompletionAsync(id);
        var error = await Assert.ThrowsAsync<RunNotWaitingException>(() => host.Client.AnswerAsync(id, null, "x"));
        Assert.Contains("it has finished (completed)", error.Message);
    }

    [Fact]
    public async Task Step_ResultThatCannotBeSerialized_ThrowsPayloadExceptionAndWritesNoStepEntry()
    {
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<string>("bad", async ctx =>
        {
            try
            {
                await ctx.Step("handle", _ => (object)new IntPtrHolder());
                return "stored";
            }
            catch (PayloadException e)
            {
                return e.Message;
            }
        }));
        var id = await host.Client.StartAsync("bad");
        var output = await host.Client.WaitForOutputAsync<string>(id);

        Assert.StartsWith("The result of step 'handle' at position 1 cannot be stored: a value of type Cairn.Tests.Client.BadInputTests+IntPtrHolder cannot be serialized to JSON", output);
        Assert.EndsWith("Nothing was written.", output);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.DoesNotContain(journal, e => e.Position == "1");
    }

    [Fact]
    public async Task Step_ResultOverThePayloadLimit_ThrowsPayloadExceptionNamingTheLimit()
    {
        await using var host = await TestHost.StartAsync(
            b => b.AddWorkflow<string>("big", async ctx =>
            {
                await ctx.Step("blob", _ => new string('x', 5000));
                return "stored";
            }),
            options: o => o.MaxPayloadBytes = 4096);
        var id = await host.Client.StartAsync("big");
        var run = await host.Client.WaitForCompletionAsync(id);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("The result of step 'blob' at position 1 is 5002 bytes of JSON; the limit is 4096 bytes (CairnOptions.MaxPayloadBytes). Store large data elsewhere and pass a reference. Nothing was written.", run.Error!.Message);
    }

    [Fact]
    public async Task Registration_DuplicateNamesAndWrongSignatures_ReportsEveryProblemAtOnce()
    {
        var services = new ServiceCollection();
        services.AddCairn()
            .AddWorkflow<NoRunMethod>()
            .AddWorkflow<WrongParameters>()
            .AddWorkflow<int>("same", _ => Task.FromResult(1))
            .AddWorkflow<int>("same", _ => Task.FromResult(2));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<WorkflowRegistrationException>(() => provider.GetRequiredService<IWorkflowClient>());

        Assert.Equal(
            [
                "Workflow type Cairn.Tests.Client.BadInputTests+NoRunMethod has no public RunAsync(WorkflowContext[, TInput]) method; add one.",
                "Workflow type Cairn.Tests.Client.BadInputTests+WrongParameters: RunAsync must take (WorkflowContext) or (WorkflowContext, TInput), but takes (String, Int32).",
                "Workflow type Cairn.Tests.Client.BadInputTests+WrongParameters: RunAsync must return Task or Task<TOutput>, but returns Int32.",
                "Workflow name 'same' is registered more than once; give each workflow a unique name ([Workflow(\"name\")] or the name argument).",
            ],
            error.Errors);
        Assert.StartsWith("Cairn workflow registration failed with 4 error(s):", error.Message);
    }

    [Fact]
    public async Task Start_UnknownWorkflow_ThrowsListingTheRegisteredOnesAndWritesNothing()
    {
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int>("known", _ => Task.FromResult(1)));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("unknown"));
        Assert.StartsWith("Workflow 'unknown' is not registered. Registered: known. Register it with AddWorkflow.", error.Message);
        Assert.Empty(await host.Client.ListRunsAsync());
    }

    [Fact]
    public async Task Start_SameRunIdTwice_StartsOneRun()
    {
        var runs = 0;
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int, int>("once", async (ctx, x) =>
            await ctx.Step("count", _ => Interlocked.Increment(ref runs) + x)));
        var first = await host.Client.StartAsync("once", 10, new StartRunOptions { RunId = "order-1" });
        var second = await host.Client.StartAsync("once", 10, new StartRunOptions { RunId = "order-1" });

        Assert.Equal(first, second);
        Assert.Equal(11, await host.Client.WaitForOutputAsync<int>("order-1"));
        Assert.Single(await host.Client.ListRunsAsync());
        Assert.Equal(1, runs);
        Assert.Single(await host.Client.GetJournalAsync("order-1"), e => e.Kind == JournalEntryKind.RunStarted);
    }

    [Fact]
    public async Task Options_Invalid_AreReportedTogether()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(
            b => b.AddWorkflow<int>("w", _ => Task.FromResult(1)),
            options: o =>
            {
                o.MaxConcurrentRuns = 0;
                o.MaxPayloadBytes = 10;
            }));
        Assert.Equal(
            "Cairn options are invalid:" + Environment.NewLine + "  - MaxConcurrentRuns is 0; set it to 1 or more." + Environment.NewLine + "  - MaxPayloadBytes is 10; set it to 1024 or more.",
            error.Message);
    }

    private sealed class IntPtrHolder
    {
        public IntPtr Handle { get; } = new(42);

        public Action Callback { get; } = () => { };
    }

    private sealed class NoRunMethod
    {
        public Task<int> ExecuteAsync(WorkflowContext context) => Task.FromResult(context.RunId.Length);
    }

    private sealed class WrongParameters
    {
        public int RunAsync(string a, int b) => a.Length + b;
    }
}
