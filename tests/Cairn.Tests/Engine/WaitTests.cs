using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class WaitTests : EngineTests
{
    [Fact]
    public async Task Sleep_LongTimer_UnloadsRunAndFiresInANewHostWhenDue()
    {
        var time = new ManualTimeProvider();
        var store = NewStore();
        static void Register(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<string>("nap", async ctx =>
        {
            await ctx.Step("before", _ => 1);
            await ctx.Sleep(TimeSpan.FromHours(24));
            return await ctx.Step("after", _ => "woke");
        });

        string id;
        await using (var first = await StartHostAsync(Register, store, time))
        {
            id = await first.Client.StartAsync("nap");
            var suspended = await first.WaitForStatusAsync(id, RunStatus.Suspended);
            var timer = Assert.Single(suspended.WaitingFor);
            Assert.Equal(WaitKind.Timer, timer.Kind);
            Assert.Equal(time.GetUtcNow() + TimeSpan.FromHours(24), timer.DueAt);
            Assert.Equal(0, first.Host.ActiveRuns);
        }

        await using var second = await StartHostAsync(Register, store, time);
        time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(RunStatus.Suspended, (await second.Client.GetRunAsync(id)).Status);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal("woke", await second.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task AskUser_Approval_IsAnsweredWhileNoHostRunsAndCompletesInTheNextHost()
    {
        var store = NewStore();
        static void Register(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<string>("approve", async ctx =>
            await ctx.AskUser<bool>("ship", "Ship order 7?") ? "shipped" : "held");

        string id;
        await using (var first = await StartHostAsync(Register, store))
        {
            id = await first.Client.StartAsync("approve");
            var run = await first.WaitForStatusAsync(id, RunStatus.Suspended);
            var wait = Assert.Single(run.WaitingFor);
            Assert.Equal(new Question("ship", "Ship order 7?", QuestionKind.Approval), wait.Question! with { Options = null });
        }

        await using (var clientOnly = await StartHostAsync(Register, store, start: false))
        {
            await clientOnly.Client.AnswerAsync(id, "ship", "yes");
        }

        await using var second = await StartHostAsync(Register, store);
        Assert.Equal("shipped", await second.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task AskUser_SeveralQuestionsInTurn_EachAnswerReachesItsQuestion()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("interview", async ctx =>
        {
            var name = await ctx.AskUser<string>("name", "Your name?");
            var color = await ctx.AskUser<string>("color", "Pick one", [new ChoiceOption("r", "Red"), new ChoiceOption("g", "Green")]);
            var sure = await ctx.AskUser<bool>("sure", "Sure?");
            return $"{name}/{color}/{sure}";
        }));

        var id = await host.Client.StartAsync("interview");
        foreach (var (question, answer) in new (string, object)[] { ("name", "Ada"), ("color", "g"), ("sure", false) })
        {
            var run = await host.WaitForStatusAsync(id, RunStatus.Suspended);
            Assert.Equal(question, Assert.Single(run.WaitingFor).Question!.Id);
            await host.Client.AnswerAsync(id, null, answer);
            await WaitUntilAsync(host, id, r => r.Status != RunStatus.Suspended || r.WaitingFor.All(w => w.Question!.Id != question));
        }

        Assert.Equal("Ada/g/False", await host.Client.WaitForOutputAsync<string>(id));
    }

    [Fact]
    public async Task Answer_NotFittingTheQuestion_IsRefusedWithTheValidChoices()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("choose", async ctx =>
            await ctx.AskUser<string>("size", "Size?", [new ChoiceOption("s", "Small"), new ChoiceOption("l", "Large")])));
        var id = await host.Client.StartAsync("choose");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.AnswerAsync(id, "size", "xl"));
        Assert.StartsWith("'xl' is not an option of question 'size'; answer with one of: s (Small), l (Large).", error.Message);
        Assert.Empty(await host.Store.ReadSignalsAsync(id));
    }

    [Fact]
    public async Task WaitForEvent_SignalSentBeforeTheWait_WaitsInTheInboxAndIsDelivered()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("early", async ctx =>
        {
            await ctx.Step("slow", async _ =>
            {
                await release.Task;
                return 0;
            });
            return await ctx.WaitForEvent<int>("data");
        }));

        var id = await host.Client.StartAsync("early");
        await host.WaitForStatusAsync(id, RunStatus.Running);
        await host.Client.SignalAsync(id, "data", 99);
        release.SetResult();

        Assert.Equal(99, await host.Client.WaitForOutputAsync<int>(id));
    }

    [Fact]
    public async Task WaitForEvent_NoSignalBeforeTheTimeout_ThrowsTimeoutExceptionIntoTheWorkflow()
    {
        var time = new ManualTimeProvider();
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("deadline", async ctx =>
        {
            try
            {
                await ctx.WaitForEvent<int>("reply", TimeSpan.FromMinutes(30));
                return "replied";
            }
            catch (TimeoutException e)
            {
                return e.Message;
            }
        }), time: time);

        var id = await host.Client.StartAsync("deadline");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal($"Event 'reply' did not arrive within 00:30:00 in run '{id}'.", await host.Client.WaitForOutputAsync<string>(id));
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Contains(journal, e => e.Kind == JournalEntryKind.WaitCompleted && e.Payload == """{"timedOut":true}""");
    }

    [Fact]
    public async Task Sleep_ShortTimer_StaysLoadedAndCompletes()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("short", async ctx =>
        {
            for (var i = 0; i < 3; i++)
            {
                await ctx.Sleep(TimeSpan.FromMilliseconds(1));
            }

            return 3;
        }));
        var id = await host.Client.StartAsync("short");
        Assert.Equal(3, await host.Client.WaitForOutputAsync<int>(id));
    }

    private static async Task WaitUntilAsync(TestHost host, string id, Func<RunInfo, bool> condition)
    {
        for (var i = 0; i < 2000; i++)
        {
            var run = await host.Client.GetRunAsync(id);
            if (condition(run))
            {
                return;
            }

            await Task.Yield();
        }

        throw new Xunit.Sdk.XunitException("condition not reached");
    }
}
