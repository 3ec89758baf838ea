using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Memory;

/// <content>The mutable record of one run.</content>
public sealed partial class InMemoryWorkflowStore
{
    private sealed class RunState(NewRun run, long order)
    {
        public string RunId { get; } = run.RunId;

        public string Workflow { get; } = run.Workflow;

        public string? ParentRunId { get; } = run.ParentRunId;

        public DateTimeOffset CreatedAt { get; } = run.CreatedAt;

        public long Order { get; } = order;

        public RunStatus Status { get; set; } = RunStatus.Pending;

        public DateTimeOffset UpdatedAt { get; set; } = run.CreatedAt;

        public DateTimeOffset? WakeAt { get; set; }

        public string? Owner { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public RunControl Control { get; set; }

        public string? Output { get; set; }

        public string? Error { get; set; }

        public List<JournalEntry> Journal { get; } = new();

        public List<SignalRecord> Inbox { get; } = new();

        public List<WaitRecord> Waits { get; } = new();

        public RunRecord Snapshot(bool withWaits) => new()
        {
            RunId = RunId,
            Workflow = Workflow,
            Version = run.Version,
            Status = Status,
            Input = run.Input,
            Output = Output,
            Error = Error,
            SessionId = run.SessionId,
            UserId = run.UserId,
            ParentRunId = ParentRunId,
            ParentPosition = run.ParentPosition,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            WakeAt = WakeAt,
            Owner = Owner,
            LeaseUntil = LeaseUntil,
            Control = Control,
            Waits = withWaits ? Waits.ToArray() : [],
        };
    }
}
