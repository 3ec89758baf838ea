using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class SkipTests : EngineTests
{
    [Fact]
    public async Task Skip_ShowsAsSkippedWithItsStandInOutputAndKeepsReplayAligned()
    {
        var runs = 0;
        var store = NewStore();
        string id;
        await using (var first = await StartHostAsync(Workflow, store))
        {
            id = await first.Client.StartAsync("skipping");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(Workflow, store);
        await second.Client.SignalAsync(id, "go");

        Assert.Equal(7, await second.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(1, runs);
        var progress = await second.Client.GetProgressAsync(id);
        Assert.Equal(
            [("optional", StepStatus.Skipped, "{\"n\":0}"), ("real", StepStatus.Completed, "7")],
            progress.Steps.Select(s => (s.Name, s.Status, s.Output)));
        var journal = await second.Client.GetJournalAsync(id);
        Assert.Single(journal, e => e.Kind == JournalEntryKind.StepSkipped);

        void Workflow(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<int>("skipping", async ctx =>
        {
            ctx.Skip("optional", new { n = 0 });
            var real = await ctx.Step("real", _ => Interlocked.Increment(ref runs) + 6);
            await ctx.WaitForEvent<object>("go");
            return real;
        });
    }

    [Fact]
    public async Task Step_AtAPositionRecordedAsSkipped_ReturnsTheStandInWithoutRunningTheBody()
    {
        var bodies = 0;
        var store = NewStore();
        string id;
        await using (var first = await StartHostAsync(b => b.AddWorkflow<int>("w", async ctx =>
        {
            ctx.Skip("price", 42);
            await ctx.WaitForEvent<object>("go");
            return 0;
        }), store))
        {
            id = await first.Client.StartAsync("w");
            await first.WaitForStatusAsync(id, RunStatus.Suspended);
        }

        await using var second = await StartHostAsync(b => b.AddWorkflow<int>("w", async ctx =>
        {
            var price = await ctx.Step("price", _ => ++bodies);
            await ctx.WaitForEvent<object>("go");
            return price;
        }), store);
        await second.Client.SignalAsync(id, "go");

        Assert.Equal(42, await second.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(0, bodies);
    }
}
