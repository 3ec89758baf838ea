using Cairn.Journal;

namespace Cairn.Storage.Specification;

/// <summary>
/// The behaviour every <see cref="IWorkflowStore"/> must have. A store's test project subclasses this and supplies
/// <see cref="CreateStoreAsync"/>; the suite initializes the store before each test and disposes it after.
/// </summary>
/// <remarks>Times in these tests are whole ticks in UTC, which every store keeps exactly.</remarks>
public abstract partial class WorkflowStoreContractTests : IAsyncLifetime
{
    protected const string Workflow = "order";
    protected const string OtherWorkflow = "refund";
    protected const string Owner = "host-a";
    protected const string OtherOwner = "host-b";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private IWorkflowStore? _store;

    /// <summary>Gets the store under test (fresh and empty for each test).</summary>
    protected IWorkflowStore Store => _store ?? throw new InvalidOperationException("The store is created before each test.");

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Creates a new, empty, not yet initialized store.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IWorkflowStore> CreateStoreAsync();

    protected static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    protected static NewRun NewRun(string runId, string workflow = Workflow, DateTimeOffset? createdAt = null) => new()
    {
        RunId = runId,
        Workflow = workflow,
        Input = $$"""{"run":"{{runId}}"}""",
        CreatedAt = createdAt ?? T0,
    };

    protected static JournalEntry Entry(long sequence, JournalEntryKind kind = JournalEntryKind.StepCompleted, string? position = null, string? payload = null, DateTimeOffset? at = null) => new()
    {
        Sequence = sequence,
        Kind = kind,
        Position = position ?? sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = "step-" + sequence,
        Payload = payload ?? $$"""{"n":{{sequence}}}""",
        Attempt = kind == JournalEntryKind.StepCompleted ? 1 : 0,
        At = at ?? At(sequence),
        StartedAt = kind == JournalEntryKind.StepCompleted ? (at ?? At(sequence)).AddMilliseconds(-5) : null,
    };

    /// <summary>A commit that appends plain step entries with the given sequences.</summary>
    protected static RunCommit Step(string runId, string? owner, params long[] sequences) => new()
    {
        RunId = runId,
        Owner = owner,
        Entries = sequences.Select(s => Entry(s)).ToArray(),
        At = At(sequences.Length == 0 ? 0 : sequences[^1]),
    };

    protected Task<bool> CreateAsync(string runId, string workflow = Workflow, DateTimeOffset? createdAt = null) =>
        Store.CreateRunAsync(NewRun(runId, workflow, createdAt)).AsTask();

    /// <summary>Claims every runnable run of the workflows for an owner, with a lease of one minute.</summary>
    protected async Task<IReadOnlyList<RunRecord>> ClaimRunsAsync(string owner = Owner, DateTimeOffset? now = null, int limit = 100, params string[] workflows)
    {
        var time = now ?? At(1);
        return await Store.ClaimAsync(new ClaimRequest(owner, time, time.AddMinutes(1), limit, workflows.Length == 0 ? [Workflow] : workflows));
    }

    /// <summary>Creates a run and claims it for an owner.</summary>
    protected async Task CreateClaimedAsync(string runId, string owner = Owner)
    {
        Assert.True(await CreateAsync(runId));
        var claimed = await ClaimRunsAsync(owner);
        Assert.Contains(claimed, r => r.RunId == runId);
    }

    protected Task<SignalOutcome> SendAsync(string runId, string name, string? payload = null, bool requireOpenWait = false, DateTimeOffset? at = null) =>
        Store.SendSignalAsync(runId, name, payload, requireOpenWait, at ?? At(2)).AsTask();

    protected async Task<RunRecord> GetAsync(string runId) =>
        await Store.GetRunAsync(runId) ?? throw new Xunit.Sdk.XunitException($"Run '{runId}' was not found.");

    protected async Task AssertSequencesAsync(string runId, params long[] expected) =>
        Assert.Equal(expected, await SequencesAsync(runId));

    protected async Task<long[]> SequencesAsync(string runId) =>
        (await Store.ReadJournalAsync(runId)).Select(e => e.Sequence).ToArray();

    /// <summary>Commits a suspension with the given waits and wake time, releasing the run.</summary>
    protected Task<CommitResult> SuspendAsync(string runId, long sequence, DateTimeOffset? wakeAt, params WaitRecord[] waits) =>
        Store.CommitAsync(new RunCommit
        {
            RunId = runId,
            Entries = [Entry(sequence, JournalEntryKind.WaitStarted)],
            OpenWaits = waits,
            Status = RunStatus.Suspended,
            WakeAt = wakeAt,
            Release = true,
            At = At(sequence),
        }).AsTask();

    protected static (long Sequence, JournalEntryKind Kind, string? Position, string? Name, string? Payload, int Attempt, DateTimeOffset At, DateTimeOffset? StartedAt) Fields(JournalEntry e) =>
        (e.Sequence, e.Kind, e.Position, e.Name, e.Payload, e.Attempt, e.At, e.StartedAt);

    protected static WaitRecord EventWait(string position, string name, DateTimeOffset? dueAt = null) =>
        new(position, WaitKind.Event, name, dueAt, $$"""{"event":"{{name}}"}""");
}
