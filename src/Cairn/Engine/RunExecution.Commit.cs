using System.Runtime.CompilerServices;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Numbering entries and handing commits to the store in sequence order.</content>
internal sealed partial class RunExecution
{
    private readonly object _commitGate = new();
    private readonly List<Draft> _piggyback = new();
    private long _nextSequence;

    /// <summary>Gets the sequence of the last entry numbered so far (committed or on its way to the store).</summary>
    internal long LastAssignedSequence
    {
        get
        {
            lock (_commitGate)
            {
                return _nextSequence - 1;
            }
        }
    }

    /// <summary>Queues an entry to ride with the next commit (values that need no sync of their own).</summary>
    internal void AddPiggyback(Draft draft)
    {
        lock (_commitGate)
        {
            _piggyback.Add(draft);
        }
    }

    internal Task<CommitResult> CommitAsync(Draft draft, CommitExtras? extras = null) => CommitAsync([draft], extras, out _);

    internal Task<CommitResult> CommitAsync(Draft[] drafts, CommitExtras? extras = null) => CommitAsync(drafts, extras, out _);

    /// <summary>Commits the drafts (after the queued piggyback entries) and says which sequence the last one got.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Task<CommitResult> CommitAsync(Draft[] drafts, CommitExtras? extras, out long lastSequence)
    {
        var now = _engine.Time.GetUtcNow();
        lock (_commitGate)
        {
            var entries = new JournalEntry[_piggyback.Count + drafts.Length];
            var i = 0;
            foreach (var d in _piggyback)
            {
                entries[i++] = Materialize(d, now);
            }

            _piggyback.Clear();
            foreach (var d in drafts)
            {
                entries[i++] = Materialize(d, now);
            }

            JournalEntry[]? conflictEntries = null;
            if (extras?.OnConflict is { } onConflict)
            {
                conflictEntries = (JournalEntry[])entries.Clone();
                var last = entries[^1];
                conflictEntries[^1] = Materialize(onConflict, now, last.Sequence);
            }

            // A commit whose entries a conflict may replace stores no snapshot: it might not describe what is written.
            var snapshot = FoldSnapshot(entries, now);

            var commit = new RunCommit
            {
                RunId = RunId,
                Owner = _owner,
                Entries = entries,
                At = now,
                Status = extras?.Status,
                Release = extras?.Release ?? false,
                WakeAt = extras?.WakeAt,
                Output = extras?.Output,
                Error = extras?.Error,
                ClearControl = extras?.ClearControl ?? false,
                OpenWaits = extras?.OpenWait is { } open ? [open] : [],
                CloseWaits = extras?.CloseWait is { } close ? [close] : [],
                ConsumeSignal = extras?.ConsumeSignal,
                Signals = extras?.Signal is { } signal ? [signal] : [],
                StateWrite = extras?.StateWrite,
                ChildRun = extras?.ChildRun,
                ConflictEntries = conflictEntries,
                Snapshot = conflictEntries is null ? snapshot : null,
                KeepSnapshots = _workflow.Options.KeepSnapshots,
            };
            lastSequence = entries.Length > 0 ? entries[^1].Sequence : 0;
            var task = _engine.Store.CommitAsync(commit).AsTask();
            return _engine.Notifications.HasJournalObservers && entries.Length > 0 ? PublishWhenDurable(task, entries) : task;
        }
    }

    private async Task<CommitResult> PublishWhenDurable(Task<CommitResult> commit, JournalEntry[] entries)
    {
        var result = await commit.ConfigureAwait(false);
        if (result.Outcome == CommitOutcome.Committed)
        {
            _engine.Notifications.Appended(RunId, entries);
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JournalEntry Materialize(Draft d, DateTimeOffset now, long? sequence = null) => new()
    {
        Sequence = sequence ?? _nextSequence++,
        Kind = d.Kind,
        Position = d.Position,
        Name = d.Name,
        Payload = d.Payload,
        Attempt = d.Attempt,
        At = now,
        StartedAt = d.StartedAt,
    };
}
