using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Resume;

/// <summary>from-checkpoint, from-step and resume: rewinds in place that archive what they discard.</summary>
public class RewindTests : ResumeTestBase
{
    [Fact]
    public async Task FromCheckpoint_DryRunPredictsExactlyTheStepsThatRunAndChangesNothing()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var before = await SnapshotAsync(host, id);

        var dry = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 2, DryRun = true });

        Assert.Equal(before, await SnapshotAsync(host, id));
        Assert.True(dry.DryRun);
        Assert.Equal(["a", "b"], Names(dry.Kept));
        Assert.Equal(["c", "d"], Names(dry.Rerun));
        Assert.Equal((2, 3L, 1, 3), (dry.Checkpoint, dry.KeptThrough, dry.ArchivedBranch, dry.ArchivedEntries));
        Assert.Equal(id, dry.ContinuingRunId);

        var applied = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 2 });
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));

        Assert.Equal(Names(dry.Rerun), Log.Ran);
        Assert.Equal(dry with { DryRun = false }, applied with { Kept = dry.Kept, Rerun = dry.Rerun, NotReached = dry.NotReached, WaitsAgain = dry.WaitsAgain, Skipped = dry.Skipped, Edits = dry.Edits, Warnings = dry.Warnings });
    }

    [Fact]
    public async Task FromCheckpoint_ArchivesTheDiscardedTailAsABranch()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);
        var original = await host.Client.GetJournalAsync(id);

        await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 2 });
        await FinishAsync(host, id);

        var branch = Assert.Single(await host.Client.GetJournalBranchesAsync(id));
        Assert.Equal((1, 3L, "from-checkpoint"), (branch.Number, branch.AfterSequence, branch.Reason));
        Assert.Equal(original.Skip(3).Select(Line), branch.Entries.Select(Line));
        var journal = await host.Client.GetJournalAsync(id);
        Assert.Equal(original.Take(3).Select(Line), journal.Take(3).Select(Line));
        Assert.Equal(JournalEntryKind.RunRewound, journal[3].Kind);
        Assert.Contains("\"branch\":1", journal[3].Payload, StringComparison.Ordinal);
        Assert.Equal(["c", "d"], journal.Skip(4).Where(e => e.Kind == JournalEntryKind.StepCompleted).Select(e => e.Name));
    }

    [Fact]
    public async Task FromCheckpoint_WithStateAndInputEdits_JournalsThemAndTheRunUsesThem()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest
        {
            Strategy = ResumeStrategy.FromCheckpoint,
            Checkpoint = 2,
            SetState = new Dictionary<string, System.Text.Json.JsonElement> { ["factor"] = StepLog.Json(10) },
            Input = StepLog.Json(7),
        });

        Assert.Equal(41, await host.Client.WaitForOutputAsync<int>(id));
        Assert.Equal([new PlannedEdit("input", null, "1", "7"), new PlannedEdit("state", "factor", null, "10")], plan.Edits);
        var journal = await host.Client.GetJournalAsync(id);
        var input = Assert.Single(journal, e => e.Kind == JournalEntryKind.InputEdited);
        Assert.Equal("""{"old":1,"new":7}""", input.Payload);
        var state = Assert.Single(journal, e => e.Kind == JournalEntryKind.StateEdited);
        Assert.Equal(("2", "run:factor", """{"scope":"run","key":"factor","old":null,"new":10}"""), (state.Position, state.Name, state.Payload));
        Assert.Equal("7", (await host.Client.GetRunAsync(id)).Input);
        Assert.Equal("1", journal[0].Payload);
    }

    [Fact]
    public async Task FromCheckpoint_StateEdit_IsAppliedAgainWhenTheRunIsReplayedLater()
    {
        var store = NewStore();
        string id;
        await using (var first = await StartAsync(store))
        {
            id = await RunToEndAsync(first, "chain", 1);
            await first.Client.ResumeAsync(id, new ResumeRequest
            {
                Strategy = ResumeStrategy.FromCheckpoint,
                Checkpoint = 2,
                SetState = new Dictionary<string, System.Text.Json.JsonElement> { ["factor"] = StepLog.Json(3) },
            });
            Assert.Equal(13, await first.Client.WaitForOutputAsync<int>(id));
        }

        await using var second = await StartAsync(store);
        await second.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 3 });

        Assert.Equal(13, await second.Client.WaitForOutputAsync<int>(id));
        Assert.Equal(["d"], Log.Ran.Skip(2));
        Assert.Equal(2, (await second.Client.GetJournalBranchesAsync(id)).Count);
    }

    [Fact]
    public async Task FromCheckpointZero_RunsEverythingAgainInPlace()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromCheckpoint, Checkpoint = 0 });
        await FinishAsync(host, id);

        Assert.Equal(["a", "b", "c", "d"], Names(plan.Rerun));
        Assert.Equal(Names(plan.Rerun), Log.Ran);
        Assert.Empty(plan.Kept);
    }

    [Fact]
    public async Task FromStep_KeepsEverythingBeforeTheStepAndRunsAgainFromIt()
    {
        await using var host = await StartAsync();
        var id = await RunToEndAsync(host, "chain", 1);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest { Strategy = ResumeStrategy.FromStep, StepId = "b" });
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));

        Assert.Equal(["a"], Names(plan.Kept));
        Assert.Equal(["b", "c", "d"], Names(plan.Rerun));
        Assert.Equal(Names(plan.Rerun), Log.Ran);
        Assert.Equal("from-step", Assert.Single(await host.Client.GetJournalBranchesAsync(id)).Reason);
    }

    [Fact]
    public async Task Resume_FailedRun_KeepsWhatCompletedAndRunsTheFailedStepAgain()
    {
        await using var host = await StartAsync();
        Log.Fail("c");
        var id = await RunToEndAsync(host, "chain", 1);
        Assert.Equal(RunStatus.Failed, (await host.Client.GetRunAsync(id)).Status);
        Log.Heal();

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest());
        Assert.Equal(5, await host.Client.WaitForOutputAsync<int>(id));

        Assert.Equal(ResumeStrategy.Resume, plan.Strategy);
        Assert.Equal(["a", "b"], Names(plan.Kept));
        Assert.Equal([("c", StepStatus.Failed)], plan.Rerun.Select(c => (c.Name, c.Status)));
        Assert.Equal(["c", "d"], Log.Ran);
        var branch = Assert.Single(await host.Client.GetJournalBranchesAsync(id));
        Assert.Equal([JournalEntryKind.StepFailed, JournalEntryKind.RunFailed], branch.Entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task Resume_PausedRun_ResumesItWithoutRewinding()
    {
        await using var host = await StartHostAsync(b => b.AddWorkflow<int>("wait", async ctx =>
        {
            await ctx.WaitForEvent<int>("go");
            return await ctx.Step("after", Log.Body("after", () => 1));
        }));
        var id = await host.Client.StartAsync("wait");
        await host.WaitForStatusAsync(id, RunStatus.Suspended);
        await host.Client.PauseAsync(id);

        var plan = await host.Client.ResumeAsync(id, new ResumeRequest());
        await host.Client.SignalAsync(id, "go", 1);

        Assert.Equal(1, await host.Client.WaitForOutputAsync<int>(id));
        Assert.True(plan.ChangesRun);
        Assert.Empty(await host.Client.GetJournalBranchesAsync(id));
        Assert.Contains(await host.Client.GetJournalAsync(id), e => e.Kind == JournalEntryKind.RunResumed);
    }
}
