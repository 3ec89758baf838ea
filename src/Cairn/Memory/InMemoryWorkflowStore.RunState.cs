using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Memory;

/// <content>The mutable record of one run.</content>
public sealed partial class InMemoryWorkflowStore
{
    private sealed class RunState
    {
        public RunState(NewRun run, long order)
        {
            RunId = run.RunId;
            Workflow = run.Workflow;
            Version = run.Version;
            Input = run.Input;
            SessionId = run.SessionId;
            UserId = run.UserId;
            ParentRunId = run.ParentRunId;
            ParentPosition = run.ParentPosition;
            Priority = run.Priority;
            CreatedAt = run.CreatedAt;
            UpdatedAt = run.CreatedAt;
            Order = order;
        }

        public RunState(RunRecord run, long order)
        {
            RunId = run.RunId;
            Workflow = run.Workflow;
            Version = run.Version;
            Input = run.Input;
            SessionId = run.SessionId;
            UserId = run.UserId;
            ParentRunId = run.ParentRunId;
            ParentPosition = run.ParentPosition;
            Origin = run.Origin;
            Priority = run.Priority;
            CreatedAt = run.CreatedAt;
            UpdatedAt = run.UpdatedAt;
            Status = run.Status;
            WakeAt = run.WakeAt;
            Control = run.Control;
            Output = run.Output;
            Error = run.Error;
            Order = order;
            Waits.AddRange(run.Waits);
        }

        public string RunId { get; }

        public string Workflow { get; }

        public int Version { get; set; }

        public string? Input { get; set; }

        public string? SessionId { get; }

        public string? UserId { get; }

        public string? ParentRunId { get; }

        public string? ParentPosition { get; }

        public RunOrigin? Origin { get; }

        public int Priority { get; }

        public DateTimeOffset CreatedAt { get; }

        public long Order { get; }

        public RunStatus Status { get; set; } = RunStatus.Pending;

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? WakeAt { get; set; }

        public string? Owner { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public RunControl Control { get; set; }

        public string? Output { get; set; }

        public string? Error { get; set; }

        public List<JournalEntry> Journal { get; } = new();

        public List<JournalBranch> Branches { get; } = new();

        public List<SignalRecord> Inbox { get; } = new();

        public List<WaitRecord> Waits { get; } = new();

        /// <summary>Gets the state snapshots, by sequence.</summary>
        public List<StateSnapshot> StateSnapshots { get; } = new();

        public RunRecord Snapshot(bool withWaits) => new()
        {
            RunId = RunId,
            Workflow = Workflow,
            Version = Version,
            Status = Status,
            Input = Input,
            Output = Output,
            Error = Error,
            SessionId = SessionId,
            UserId = UserId,
            ParentRunId = ParentRunId,
            ParentPosition = ParentPosition,
            Origin = Origin,
            Priority = Priority,
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
