using System.Text.Json;
using Cairn.Storage;
using Cairn.Tests.Resume;
using Cairn.Tests.Support;

namespace Cairn.Tests.Portability;

public class ExportImportTests : ResumeTestBase
{
    [Fact]
    public async Task ExportThenImportIntoAnEmptyStore_GivesIdenticalRunsJournalsBranchesAndLineage()
    {
        await using var source = await StartSourceAsync();
        var ids = await MakeVarietyAsync(source);
        var text = new StringWriter();

        Assert.Equal(ids.Count, await source.Client.ExportAsync(text));

        await using var target = await StartHostAsync(Workflows, start: false);
        var imported = await target.Client.ImportAsync(new StringReader(text.ToString()));
        Assert.Equal(ids.Order(), imported.Select(i => i.RunId).Order());
        Assert.All(imported, i => Assert.Equal(i.OriginalRunId, i.RunId));
        foreach (var id in ids)
        {
            Assert.Equal(await SnapshotAsync(source, id), await SnapshotAsync(target, id));
            Assert.Equal(await source.Store.ReadSignalsAsync(id) is var s ? s.Select(x => (x.Name, x.Payload, x.At)) : null, (await target.Store.ReadSignalsAsync(id)).Select(x => (x.Name, x.Payload, x.At)));
            Assert.Equal(JsonSerializer.Serialize(await source.Client.GetLineageAsync(id)), JsonSerializer.Serialize(await target.Client.GetLineageAsync(id)));
        }

        var again = new StringWriter();
        await target.Client.ExportAsync(again);
        Assert.Equal(text.ToString(), again.ToString());
    }

    [Fact]
    public async Task ImportedSuspendedRun_ContinuesInTheNewStore()
    {
        await using var source = await StartSourceAsync();
        var id = await source.Client.StartAsync("gate");
        await source.WaitForStatusAsync(id, RunStatus.Suspended);
        var text = new StringWriter();
        await source.Client.ExportAsync(text, [id]);

        await using var target = await StartHostAsync(GateWorkflow);
        await target.Client.ImportAsync(new StringReader(text.ToString()));
        await target.Client.SignalAsync(id, "go", 41);

        Assert.Equal(42, await target.Client.WaitForOutputAsync<int>(id));
    }

    [Fact]
    public async Task Import_OfAnExistingId_IsRefusedWholeUnlessRenamed()
    {
        await using var host = await StartSourceAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.Fork, Checkpoint = 1, NewRunId = "fork" });
        await FinishAsync(host, "fork");
        var text = new StringWriter();
        await host.Client.ExportAsync(text, [id, "fork"]);
        var fresh = new StringWriter();
        await host.Client.ExportAsync(fresh, ["fork"]);
        var onlyNew = fresh.ToString().Replace("\"id\":\"fork\"", "\"id\":\"fork-b\"", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RunAlreadyExistsException>(() => host.Client.ImportAsync(new StringReader(onlyNew + text)));
        Assert.Equal([id, "fork"], error.RunIds);
        await Assert.ThrowsAsync<RunNotFoundException>(() => host.Client.GetRunAsync("fork-b"));

        var renamed = await host.Client.ImportAsync(new StringReader(text.ToString()), new ImportOptions { Rename = true });

        Assert.Equal([(id, id + "-imported"), ("fork", "fork-imported")], renamed.Select(r => (r.OriginalRunId, r.RunId)));
        Assert.Equal(new RunOrigin(id + "-imported", ResumeStrategy.Fork, 1, 2), (await host.Client.GetRunAsync("fork-imported")).Origin);
        Assert.Equal(
            (await host.Client.GetJournalAsync(id)).Select(Line),
            (await host.Client.GetJournalAsync(id + "-imported")).Select(Line));
    }

    [Fact]
    public async Task Import_OfALineThatIsNotARun_NamesTheLineAndImportsNothing()
    {
        await using var host = await StartSourceAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var text = new StringWriter();
        await host.Client.ExportAsync(text, [id]);
        await using var target = await StartHostAsync(Workflows, start: false);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => target.Client.ImportAsync(new StringReader(text + "{\"format\":\"other\"}\n")));

        Assert.Equal("Line 2 is not an exported Cairn run (format 'cairn-run/1').", error.Message);
        await Assert.ThrowsAsync<RunNotFoundException>(() => target.Client.GetRunAsync(id));
    }

    private void GateWorkflow(Cairn.Hosting.CairnBuilder b) => b.AddWorkflow<int>("gate", async ctx =>
    {
        var n = await ctx.WaitForEvent<int>("go");
        return await ctx.Step("inc", _ => n + 1);
    });

    private async Task<TestHost> StartSourceAsync() => await StartHostAsync(b =>
    {
        Workflows(b);
        GateWorkflow(b);
    });

    /// <summary>A completed, a failed, a rewound, a forked and a suspended run (with an event in its inbox).</summary>
    private async Task<List<string>> MakeVarietyAsync(TestHost host)
    {
        var completed = await RunToEndAsync(host, "chain", 1);
        Log.Fail("c");
        var failed = await RunToEndAsync(host, "chain", 2);
        Log.Heal();
        var rewound = await RunToEndAsync(host, "chain", 3);
        await host.Client.ResumeAsync(rewound, new ResumeRequest
        {
            Strategy = ResumeStrategy.FromCheckpoint,
            Checkpoint = 2,
            SetState = new Dictionary<string, JsonElement> { ["factor"] = StepLog.Json(5) },
        });
        await FinishAsync(host, rewound);
        var fork = (await host.Client.ResumeAsync(completed, new ResumeRequest { Strategy = ResumeStrategy.Fork, Checkpoint = 1 })).ContinuingRunId;
        await FinishAsync(host, fork);
        var waiting = await host.Client.StartAsync("gate");
        await host.WaitForStatusAsync(waiting, RunStatus.Suspended);
        await host.Client.SignalAsync(waiting, "later", "queued");
        return [completed, failed, rewound, fork, waiting];
    }
}
