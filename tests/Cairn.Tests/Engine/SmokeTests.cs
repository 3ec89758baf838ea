using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public sealed class SmokeTests
{
    [Fact]
    public async Task SequentialSteps_Complete_WithOutput()
    {
        await using var host = await TestHost.StartAsync(b => b.AddWorkflow<int, int>("count", async (ctx, n) =>
        {
            var v = 0;
            for (var i = 0; i < n; i++)
            {
                v = await ctx.Step($"s{i}", _ => v + 1);
            }

            return v;
        }));
        var id = await host.Client.StartAsync("count", 5);
        var output = await host.Client.WaitForOutputAsync<int>(id);
        Assert.Equal(5, output);
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(7, journal.Count);
    }
}
