using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <content>Creating and reading runs.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CreateRunAsync_NewRun_IsPendingWithEveryField()
    {
        var run = new NewRun
        {
            RunId = "r1",
            Workflow = Workflow,
            Version = 3,
            Input = """{"amount":12}""",
            SessionId = "s1",
            UserId = "u1",
            ParentRunId = "p1",
            ParentPosition = "4.2",
            CreatedAt = At(5),
        };

        Assert.True(await Store.CreateRunAsync(run));

        var record = await GetAsync("r1");
        Assert.Equal("r1", record.RunId);
        Assert.Equal(Workflow, record.Workflow);
        Assert.Equal(3, record.Version);
        Assert.Equal(RunStatus.Pending, record.Status);
        Assert.Equal("""{"amount":12}""", record.Input);
        Assert.Null(record.Output);
        Assert.Null(record.Error);
        Assert.Equal("s1", record.SessionId);
        Assert.Equal("u1", record.UserId);
        Assert.Equal("p1", record.ParentRunId);
        Assert.Equal("4.2", record.ParentPosition);
        Assert.Equal(At(5), record.CreatedAt);
        Assert.Equal(At(5), record.UpdatedAt);
        Assert.Null(record.WakeAt);
        Assert.Null(record.Owner);
        Assert.Null(record.LeaseUntil);
        Assert.Equal(RunControl.None, record.Control);
        Assert.Empty(record.Waits);
    }

    [Fact]
    public async Task CreateRunAsync_NewRun_WritesRunStartedAsEntryOne()
    {
        await CreateAsync("r1", createdAt: At(5));

        var entry = Assert.Single(await Store.ReadJournalAsync("r1"));
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(JournalEntryKind.RunStarted, entry.Kind);
        Assert.Null(entry.Position);
        Assert.Equal(Workflow, entry.Name);
        Assert.Equal("""{"run":"r1"}""", entry.Payload);
        Assert.Equal(0, entry.Attempt);
        Assert.Equal(At(5), entry.At);
        Assert.Null(entry.StartedAt);
    }

    [Fact]
    public async Task CreateRunAsync_MinimalRun_KeepsAbsentFieldsNull()
    {
        Assert.True(await Store.CreateRunAsync(new NewRun { RunId = "r1", Workflow = Workflow, CreatedAt = T0 }));

        var record = await GetAsync("r1");
        Assert.Equal(1, record.Version);
        Assert.Null(record.Input);
        Assert.Null(record.SessionId);
        Assert.Null(record.UserId);
        Assert.Null(record.ParentRunId);
        Assert.Null(record.ParentPosition);
        Assert.Null(Assert.Single(await Store.ReadJournalAsync("r1")).Payload);
    }

    [Fact]
    public async Task CreateRunAsync_ExistingId_ReturnsFalseAndChangesNothing()
    {
        await CreateAsync("r1", createdAt: At(1));
        await Store.CommitAsync(Step("r1", null, 2));

        var created = await Store.CreateRunAsync(NewRun("r1", OtherWorkflow, At(9)) with { Input = "{}" });

        Assert.False(created);
        var record = await GetAsync("r1");
        Assert.Equal(Workflow, record.Workflow);
        Assert.Equal(At(1), record.CreatedAt);
        Assert.Equal("""{"run":"r1"}""", record.Input);
        await AssertSequencesAsync("r1", 1, 2);
    }

    [Fact]
    public async Task CreateRunAsync_TimesWithAnOffset_ReadBackAsTheSameInstant()
    {
        var created = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);

        await Store.CreateRunAsync(NewRun("r1", createdAt: created));

        var record = await GetAsync("r1");
        Assert.Equal(created, record.CreatedAt);
        Assert.Equal(created.UtcTicks, record.CreatedAt.UtcTicks);
        Assert.Equal(created, Assert.Single(await Store.ReadJournalAsync("r1")).At);
    }

    [Fact]
    public async Task GetRunAsync_UnknownRun_ReturnsNull()
    {
        Assert.Null(await Store.GetRunAsync("missing"));
    }

    [Fact]
    public async Task ReadJournalAsync_UnknownRun_IsEmpty()
    {
        Assert.Empty(await Store.ReadJournalAsync("missing"));
    }

    [Fact]
    public async Task ReadSignalsAsync_UnknownRun_IsEmpty()
    {
        Assert.Empty(await Store.ReadSignalsAsync("missing"));
    }

    [Fact]
    public async Task CreateRunAsync_ManyRuns_KeepsEachJournalSeparate()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync("r" + i);
        }

        for (var step = 2; step <= 4; step++)
        {
            for (var i = 0; i < 5; i++)
            {
                await Store.CommitAsync(Step("r" + i, null, step));
            }
        }

        for (var i = 0; i < 5; i++)
        {
            var journal = await Store.ReadJournalAsync("r" + i);
            Assert.Equal([1, 2, 3, 4], journal.Select(e => e.Sequence));
            Assert.Equal("""{"run":"r""" + i + "\"}", journal[0].Payload);
        }
    }
}
