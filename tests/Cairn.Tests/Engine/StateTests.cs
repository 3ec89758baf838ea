using System.Text.Json;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

public class StateTests : EngineTests
{
    [Fact]
    public async Task RunState_EveryChangeIsJournaledWithOldAndNewValue_AndRebuiltOnReplay()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("stateful", async ctx =>
        {
            await ctx.State.Set("count", 1);
            await ctx.State.Set("count", ctx.State.Get<int>("count") + 1);
            await ctx.WaitForEvent<bool>("go");
            return $"count={ctx.State.Get<int>("count")}";
        }));
        var id = await host.Client.StartAsync("stateful");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.SignalAsync(id, "go", true);

        Assert.Equal("count=2", await host.Client.WaitForOutputAsync<string>(id));
        var changes = (await host.Client.GetJournalAsync(id)).Where(e => e.Kind == JournalEntryKind.StateChanged).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("""{"scope":"run","key":"count","old":null,"new":1}""", changes[0].Payload);
        Assert.Equal("""{"scope":"run","key":"count","old":1,"new":2}""", changes[1].Payload);
        Assert.Equal(["1", "2"], changes.Select(c => c.Position));
    }

    [Fact]
    public async Task SessionState_IsSharedAcrossRunsOfTheSession()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("visit", async ctx =>
        {
            var visits = await ctx.State.Session.Get<int>("visits") + 1;
            await ctx.State.Session.Set("visits", visits);
            return visits;
        }));
        var options = new StartRunOptions { SessionId = "s-1" };
        var first = await host.Client.StartAsync("visit", null, options);
        Assert.Equal(1, await host.Client.WaitForOutputAsync<int>(first));
        var second = await host.Client.StartAsync("visit", null, options);
        Assert.Equal(2, await host.Client.WaitForOutputAsync<int>(second));
        Assert.Equal(new ScopedValue("2", 2), await host.Store.GetScopedStateAsync(StateScope.Session, "s-1", "visits"));
    }

    [Fact]
    public async Task UserState_ConflictingWrite_FailsClearlyAndIsRecorded()
    {
        var readDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartHostAsync(b => b.AddWorkflow<string>("racer", async ctx =>
        {
            await ctx.State.User.Get<int>("balance");
            await ctx.WaitForEvent<bool>("write");
            try
            {
                await ctx.State.User.Set("balance", 100);
                return "written";
            }
            catch (StateConflictException e)
            {
                return e.Message;
            }
        }));
        var id = await host.Client.StartAsync("racer", null, new StartRunOptions { UserId = "u-7" });
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Store.CommitAsync(new RunCommit
        {
            RunId = id,
            StateWrite = new ScopedStateWrite(StateScope.User, "u-7", "balance", "5", null),
            At = DateTimeOffset.UnixEpoch,
        });
        await host.Client.SignalAsync(id, "write", true);

        var output = await host.Client.WaitForOutputAsync<string>(id);
        Assert.Equal("Conflicting write to user state 'balance' of 'u-7': this run expected version 0 but another run changed it since. Read the key again and retry the change.", output);
        Assert.Equal("5", (await host.Store.GetScopedStateAsync(StateScope.User, "u-7", "balance"))!.Value);
        var conflict = (await host.Client.GetJournalAsync(id)).Single(e => e.Kind == JournalEntryKind.StateChanged);
        Assert.True(JsonDocument.Parse(conflict.Payload!).RootElement.GetProperty("conflict").GetBoolean());
    }
}
