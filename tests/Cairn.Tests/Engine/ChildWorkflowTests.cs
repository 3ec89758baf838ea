using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class ChildWorkflowTests : EngineTests
{
    [Fact]
    public async Task RunChild_StartsTheChildOnceAndReturnsItsOutput()
    {
        var childRuns = 0;
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int, int>("square", async (ctx, x) => await ctx.Step("mul", _ =>
            {
                Interlocked.Increment(ref childRuns);
                return x * x;
            }))
            .AddWorkflow<int>("parent", async ctx =>
            {
                var a = await ctx.RunChild<int>("square", 3);
                var b = await ctx.RunChild<int>("square", 4);
                return a + b;
            }));

        var id = await host.Client.StartAsync("parent");

        Assert.Equal(25, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(2, childRuns);
        var children = await host.Client.ListRunsAsync(new RunQuery { ParentRunId = id });
        Assert.Equal([$"{id}/1", $"{id}/2"], children.Select(c => c.RunId).Order());
        Assert.All(children, c => Assert.Equal(RunStatus.Completed, c.Status));
    }

    [Fact]
    public async Task RunChild_FailingChild_ThrowsWorkflowRunExceptionIntoTheParent()
    {
        await using var host = await StartHostAsync(b => b
            .AddWorkflow<int>("broken", async ctx => await ctx.Step<int>("boom", _ => Throw<int>(new InvalidOperationException("no stock"))))
            .AddWorkflow<string>("parent", async ctx =>
            {
                try
                {
                    await ctx.RunChild<int>("broken");
                    return "ok";
                }
                catch (WorkflowRunException e)
                {
                    return e.Failure!.Message;
                }
            }));

        var id = await host.Client.StartAsync("parent");

        Assert.Equal("Step 'boom' at position 1 failed after 1 attempt(s): System.InvalidOperationException: no stock", await host.Client.WaitForOutputAsync<string>(id));
    }

    private static T Throw<T>(Exception error) => throw error;
}
