using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Resume;

/// <summary>restart and fork: new runs linked to the run they came from, which stays as it was.</summary>
public class NewRunTests : ResumeTestBase
{
    [Fact]
    public async Task Fork_CopiesTheJournalUpToTheCheckpointAndLeavesTheOriginalByteIdentical()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var before = await SnapshotAsync(host, id);
        var original = await host.Client.GetJournalAsync(id);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest
        {
            Strategy = ResumeStrategy.Fork,
            Checkpoint = 2,
            NewRunId = "forked",
            SetState = new Dictionary<string, System.Text.Json.JsonElement> { ["factor"] = StepLog.Json(3) },
        });

        Assert.Equal(13, await host.Client.WaitForOutputAsync<int>("forked"));
        Assert.Equal(before, await SnapshotAsync(host, id));
        Assert.Equal(("forked", (int?)null), (plan.ContinuingRunId, plan.ArchivedBranch));
        Assert.Equal(["c", "d"], Names(plan.Rerun));
        Assert.Equal(Names(plan.Rerun), Log.Ran);
        var fork = await host.Client.GetJournalAsync("forked");
        Assert.Equal(original.Take(3).Select(Line), fork.Take(3).Select(Line));
        Assert.Equal(JournalEntryKind.RunCreatedFrom, fork[3].Kind);
        Assert.Equal(new RunOrigin(id, ResumeStrategy.Fork, 2, 3), (await host.Client.GetRunAsync("forked")).Origin);
    }

    [Fact]
    public async Task Restart_WithANewInput_StartsALinkedRunThatRunsEverything()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var before = await SnapshotAsync(host, id);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Restart, Input = StepLog.Json(5) });

        var restarted = plan.ContinuingRunId;
        Assert.NotEqual(id, restarted);
        Assert.Equal(13, await host.Client.WaitForOutputAsync<int>(restarted));
        Assert.Equal(["a", "b", "c", "d"], Names(plan.Rerun));
        Assert.Equal(Names(plan.Rerun), Log.Ran);
        Assert.Equal(before, await SnapshotAsync(host, id));
        var run = await host.Client.GetRunAsync(restarted);
        Assert.Equal(("5", new RunOrigin(id, ResumeStrategy.Restart, null, null)), (run.Input, run.Origin));
        var journal = await host.Client.GetJournalAsync(restarted);
        Assert.Equal([JournalEntryKind.RunStarted, JournalEntryKind.RunCreatedFrom, JournalEntryKind.InputEdited], journal.Take(3).Select(e => e.Kind));
        Assert.Equal("""{"old":1,"new":5}""", journal[2].Payload);
    }

    [Fact]
    public async Task Lineage_IsReadableBothWays()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Fork, Checkpoint = 1, NewRunId = "fork-1" });
        await FinishAsync(host, "fork-1");
        await host.Client.ResumeAsync("fork-1", new ResumeRequest { Strategy = ResumeStrategy.Restart, NewRunId = "restart-1" });
        await FinishAsync(host, "restart-1");

        var down = await host.Client.GetLineageAsync(id);
        var up = await host.Client.GetLineageAsync("restart-1");

        Assert.Null(down.Origin);
        Assert.Equal(["fork-1", "restart-1"], down.Descendants.Select(r => r.RunId));
        Assert.Equal(["fork-1", id], up.Ancestors.Select(r => r.RunId));
        Assert.Equal(new RunOrigin("fork-1", ResumeStrategy.Restart, null, null), up.Origin);
        Assert.Empty(up.Descendants);
    }

    [Fact]
    public async Task Fork_WithATakenRunId_IsRefusedAndCreatesNothing()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var other = await RunToEndAsync(host, "chain", 2);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Fork, NewRunId = other }));

        Assert.Contains($"A run with id '{other}' exists already", error.Message, StringComparison.Ordinal);
        Assert.Null((await host.Client.GetRunAsync(other)).Origin);
    }
}
