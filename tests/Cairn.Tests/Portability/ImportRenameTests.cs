using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Resume;
using Cairn.Tests.Support;

namespace Cairn.Tests.Portability;

/// <summary>Exporting and importing parents with their children: the ids inside journals, waits and inboxes follow a rename.</summary>
public class ImportRenameTests : ResumeTestBase
{
    [Fact]
    public async Task ImportedParentSuspendedOnALiveChild_WakesWhenTheChildCompletesAfterImport()
    {
        await using var source = await StartFamilyAsync();
        var (parent, child) = await StartWaitingFamilyAsync(source, "family");
        var text = new StringWriter();
        await source.Client.ExportAsync(text, [parent, child]);

        await using var target = await StartFamilyAsync();
        await target.Client.ImportAsync(new StringReader(text.ToString()));
        await target.Client.SignalAsync(child, "go", 4);

        Assert.Equal(50, await target.Client.WaitForOutputAsync<int>(parent));
        Assert.Equal(5, await target.Client.WaitForOutputAsync<int>(child));
    }

    [Fact]
    public async Task RenamedParentSuspendedOnALiveChild_WaitsForTheRenamedChildAndWakesWhenItCompletes()
    {
        await using var host = await StartFamilyAsync();
        var (parent, child) = await StartWaitingFamilyAsync(host, "family");
        var text = new StringWriter();
        await host.Client.ExportAsync(text, [parent, child]);

        var imported = await host.Client.ImportAsync(new StringReader(text.ToString()), new ImportOptions { Rename = true });

        Assert.Equal([(parent, "family-imported"), (child, "family-imported/1")], imported.Select(i => (i.OriginalRunId, i.RunId)));
        var renamed = await host.Client.GetRunAsync("family-imported");
        Assert.Equal("child:family-imported/1", Assert.Single(renamed.WaitingFor).Name);
        Assert.Equal("family-imported", (await host.Client.GetRunAsync("family-imported/1")).ParentRunId);
        var started = (await host.Client.GetJournalAsync("family-imported")).Single(e => e.Kind == JournalEntryKind.ChildStarted);
        Assert.Equal("""{"childRunId":"family-imported/1","workflow":"kid"}""", started.Payload);

        await host.Client.SignalAsync("family-imported/1", "go", 6);

        Assert.Equal(70, await host.Client.WaitForOutputAsync<int>("family-imported"));
        Assert.Equal(RunStatus.Suspended, (await host.Client.GetRunAsync(parent)).Status);
        await host.Client.SignalAsync(child, "go", 1);
        Assert.Equal(20, await host.Client.WaitForOutputAsync<int>(parent));
    }

    [Fact]
    public async Task RenamedFinishedFamilyWithAFork_NamesOnlyTheNewIdsInJournalsWaitsAndLineage()
    {
        await using var host = await StartFamilyAsync();
        var (parent, child) = await StartWaitingFamilyAsync(host, "done");
        await host.Client.SignalAsync(child, "go", 2);
        await host.Client.WaitForCompletionAsync(parent);
        var fork = (await host.Client.ResumeAsync(parent, new ResumeRequest { Strategy = ResumeStrategy.Fork, Checkpoint = 1, NewRunId = "done-fork" })).ContinuingRunId;
        await host.Client.WaitForCompletionAsync(fork);
        var text = new StringWriter();
        await host.Client.ExportAsync(text, [parent, child, fork]);

        await host.Client.ImportAsync(new StringReader(text.ToString()), new ImportOptions { Rename = true });

        var journal = await host.Client.GetJournalAsync("done-imported");
        Assert.Equal("child:done-imported/1", journal.Single(e => e.Kind == JournalEntryKind.WaitCompleted).Name);
        Assert.DoesNotContain(journal, e => (e.Payload ?? string.Empty).Contains("\"done/1\"", StringComparison.Ordinal));
        var forked = await host.Client.GetJournalAsync("done-fork-imported");
        Assert.Contains("\"runId\":\"done-imported\"", forked.Single(e => e.Kind == JournalEntryKind.RunCreatedFrom).Payload, StringComparison.Ordinal);
        Assert.Equal("done-imported", (await host.Client.GetRunAsync("done-fork-imported")).Origin?.RunId);
        Assert.Equal(
            (await host.Client.GetJournalAsync(parent)).Select(e => (e.Kind, e.Position, e.At)),
            journal.Select(e => (e.Kind, e.Position, e.At)));
    }

    private static void Family(CairnBuilder b)
    {
        b.AddWorkflow<int>("family", async ctx => await ctx.RunChild<int>("kid") * 10);
        b.AddWorkflow<int>("done", async ctx =>
        {
            var n = await ctx.RunChild<int>("kid");
            return await ctx.Step("times", _ => n * 10);
        });
        b.AddWorkflow<int>("kid", async ctx => await ctx.Step("inc", _ => 1) + (int)await ctx.WaitForEvent<int>("go"));
    }

    private static async Task<(string Parent, string Child)> StartWaitingFamilyAsync(TestHost host, string workflow)
    {
        var parent = await host.Client.StartAsync(workflow, options: new StartRunOptions { RunId = workflow });
        var wait = Assert.Single((await host.WaitForStatusAsync(parent, RunStatus.Suspended)).WaitingFor);
        var child = wait.Name["child:".Length..];
        Assert.Equal(parent + "/1", child);
        await host.WaitForStatusAsync(child, RunStatus.Suspended);
        return (parent, child);
    }

    private async Task<TestHost> StartFamilyAsync() => await StartHostAsync(Family);
}
