using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Whole runs created as they are (imports, forks, restarts), and lineage.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task ImportRunAsync_CreatesTheRunWithEveryField()
    {
        var import = SampleImport("copy");

        Assert.True(await Store.ImportRunAsync(import));

        var record = await GetAsync("copy");
        Assert.Equal(import.Run with { Owner = null, LeaseUntil = null }, record with { Waits = import.Run.Waits });
        Assert.Equal(import.Run.Waits, record.Waits);
        Assert.Equal(import.Journal.Select(Fields), (await Store.ReadJournalAsync("copy")).Select(Fields));
        var branches = await Store.ReadJournalBranchesAsync("copy");
        Assert.Equal(import.Branches.Select(b => (b.Number, b.AfterSequence, b.ArchivedAt, b.Reason)), branches.Select(b => (b.Number, b.AfterSequence, b.ArchivedAt, b.Reason)));
        Assert.Equal(import.Branches.Select(b => b.Entries.Select(Fields).ToList()), branches.Select(b => b.Entries.Select(Fields).ToList()));
        Assert.Equal([("go", "1", At(7))], (await Store.ReadSignalsAsync("copy")).Select(s => (s.Name, s.Payload, s.At)));
    }

    [Fact]
    public async Task ImportRunAsync_ExistingId_ReturnsFalseAndChangesNothing()
    {
        await CreateAsync("copy");

        Assert.False(await Store.ImportRunAsync(SampleImport("copy")));

        await AssertSequencesAsync("copy", 1);
        Assert.Equal(RunStatus.Pending, (await GetAsync("copy")).Status);
        Assert.Empty(await Store.ReadJournalBranchesAsync("copy"));
    }

    [Fact]
    public async Task ImportRunAsync_ThenCommits_ContinueItsJournal()
    {
        var import = SampleImport("copy");
        await Store.ImportRunAsync(import with { Run = import.Run with { Status = RunStatus.Pending, Waits = [] }, Signals = [] });

        Assert.Contains(await ClaimRunsAsync(now: At(30)), r => r.RunId == "copy");
        await Store.CommitAsync(Step("copy", Owner, 4));

        await AssertSequencesAsync("copy", 1, 2, 3, 4);
        Assert.Single(await Store.ReadJournalBranchesAsync("copy"));
    }

    [Fact]
    public async Task ImportRunAsync_JournalWithAGap_Throws()
    {
        var import = SampleImport("copy");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ImportRunAsync(import with { Journal = [import.Journal[0], import.Journal[2]] }).AsTask());

        Assert.Null(await Store.GetRunAsync("copy"));
    }

    [Fact]
    public async Task ListRunsAsync_ByOrigin_FindsTheRunsCreatedFromIt()
    {
        await CreateAsync("original");
        await Store.ImportRunAsync(SampleImport("fork-1"));
        await Store.ImportRunAsync(SampleImport("other") with { Run = SampleImport("other").Run with { Origin = new RunOrigin("elsewhere", ResumeStrategy.Restart, null, null) } });

        var derived = await Store.ListRunsAsync(new RunQuery { OriginRunId = "original" });

        var fork = Assert.Single(derived);
        Assert.Equal(("fork-1", new RunOrigin("original", ResumeStrategy.Fork, 2, 3)), (fork.RunId, fork.Origin));
        Assert.Null((await GetAsync("original")).Origin);
    }

    /// <summary>A suspended run created from "original" with a journal of three entries, one archived branch, one wait and one signal.</summary>
    protected static RunImport SampleImport(string runId) => new()
    {
        Run = new RunRecord
        {
            RunId = runId,
            Workflow = Workflow,
            Version = 3,
            Status = RunStatus.Suspended,
            Input = """{"n":1}""",
            Output = null,
            Error = null,
            SessionId = "s1",
            UserId = "u1",
            Origin = new RunOrigin("original", ResumeStrategy.Fork, 2, 3),
            CreatedAt = At(1),
            UpdatedAt = At(6),
            WakeAt = At(90),
            Control = RunControl.None,
            Owner = OtherOwner,
            LeaseUntil = At(99),
            Waits = [EventWait("3", "go", At(90))],
        },
        Journal =
        [
            new JournalEntry { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = Workflow, Payload = """{"n":1}""", At = At(1) },
            Entry(2),
            Entry(3, JournalEntryKind.WaitStarted, position: "3"),
        ],
        Branches =
        [
            new JournalBranch { Number = 1, AfterSequence = 2, ArchivedAt = At(5), Reason = "from-step", Entries = [Entry(3, payload: "\"old\""), Entry(4)] },
        ],
        Signals = [new SignalRecord(0, "ignored", "go", "1", At(7))],
    };
}
