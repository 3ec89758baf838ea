using System.Text.Json.Nodes;
using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <content>Turning a cut into the store change: an in-place rewind, or a new run (fork, restart).</content>
internal static partial class ResumePlanner
{
    private static ResumeDecision InPlace(ResumeContext c, ResumeStrategy strategy, Cut cut, string reason)
    {
        var run = c.Run;
        if (run.Status == RunStatus.Running && c.OwnerAlive)
        {
            throw c.NotPossible(strategy, $"it is executing on host '{run.Owner}'. Pause it first (it pauses at its next step boundary), then try again.");
        }

        var branch = c.Branches + 1;
        var keep = cut.KeepThrough;
        var sequence = keep;
        var marker = new JsonObject
        {
            ["strategy"] = strategy.ToWireName(),
            ["branch"] = branch,
            ["keptThrough"] = keep,
        };
        if (cut.Checkpoint is { } checkpoint)
        {
            marker["checkpoint"] = checkpoint;
        }

        if (cut.Step is { } step)
        {
            marker["step"] = step;
        }

        var (edits, editEntries) = Edits(c, c.Journal.Where(e => e.Sequence <= keep || !cut.Discard.Contains(e.Sequence)), cut.Anchor);
        if (c.Request.Version is { } version && version != run.Version)
        {
            marker["version"] = new JsonObject { ["old"] = run.Version, ["new"] = version };
        }

        var appended = new List<JournalEntry> { Entry(++sequence, JournalEntryKind.RunRewound, null, null, marker.ToJsonString(JsonText.Options), c.Now) };
        foreach (var e in c.Journal.Where(e => e.Sequence > keep && !cut.Discard.Contains(e.Sequence)))
        {
            appended.Add(Renumber(e, ++sequence));
        }

        if (cut.Skip is { } skip)
        {
            appended.Add(Renumber(skip, ++sequence));
        }

        foreach (var e in editEntries)
        {
            appended.Add(Renumber(e, ++sequence));
        }

        var effective = c.Journal.Where(e => e.Sequence <= keep).Concat(appended).ToList();
        var plan = Describe(c, strategy, reason, c.RunId, effective, cut.Discard, appended, edits) with
        {
            Checkpoint = cut.Checkpoint,
            KeptThrough = keep,
            ArchivedBranch = branch,
            ArchivedEntries = (int)(c.LastSequence - keep),
        };
        var (waits, children) = OpenWaits(effective);
        return new ResumeDecision
        {
            Plan = plan,
            AwaitedChildren = children,
            Rewind = new RunRewind
            {
                RunId = c.RunId,
                ExpectStatus = run.Status,
                ExpectOwner = run.Owner,
                ExpectLastSequence = c.LastSequence,
                Branch = branch,
                KeepThrough = keep,
                Reason = strategy.ToWireName(),
                Entries = appended,
                ReplaceInput = c.Request.Input is not null,
                Input = c.Request.Input?.GetRawText(),
                Version = c.Request.Version,
                Waits = waits,
                At = c.Now,
            },
        };
    }

    private static ResumeDecision PlanFork(ResumeContext c)
    {
        var cut = CheckpointCut(c, ResumeStrategy.Fork);
        var copied = c.Journal.Where(e => e.Sequence <= cut.KeepThrough).ToList();
        var origin = new RunOrigin(c.RunId, ResumeStrategy.Fork, cut.Checkpoint, cut.KeepThrough);
        var (edits, editEntries) = Edits(c, copied, cut.Anchor);
        var journal = copied.Append(Entry(cut.KeepThrough + 1, JournalEntryKind.RunCreatedFrom, null, null, OriginPayload(origin), c.Now)).ToList();
        journal.AddRange(editEntries.Select((e, i) => Renumber(e, cut.KeepThrough + 2 + i)));
        var (waits, children) = OpenWaits(journal);
        var plan = Describe(c, ResumeStrategy.Fork, $"Creates run '{c.NewRunId}' with a copy of the journal up to checkpoint {cut.Checkpoint}; the original is left as it is.", c.NewRunId, journal, cut.Discard, [], edits) with
        {
            Checkpoint = cut.Checkpoint,
            KeptThrough = cut.KeepThrough,
            ArchivedEntries = 0,
            Warnings = children.Count == 0 ? [] : [$"Child runs started before the checkpoint and not yet finished there ({string.Join(", ", children)}) report their end to the original run; the fork gets the result of those that have finished."],
        };
        return new ResumeDecision { Plan = plan, AwaitedChildren = children, Create = NewRunImport(c, origin, journal, waits) };
    }

    private static ResumeDecision PlanRestart(ResumeContext c)
    {
        var origin = new RunOrigin(c.RunId, ResumeStrategy.Restart, null, null);
        var input = c.Request.Input?.GetRawText() ?? c.Run.Input;
        var (edits, editEntries) = Edits(c, [], null);
        var journal = new List<JournalEntry>
        {
            Entry(1, JournalEntryKind.RunStarted, null, c.Run.Workflow, input, c.Now),
            Entry(2, JournalEntryKind.RunCreatedFrom, null, null, OriginPayload(origin), c.Now),
        };
        journal.AddRange(editEntries.Select((e, i) => Renumber(e, 3 + i)));
        var discarded = c.Journal.Where(e => e.Sequence > 1).Select(e => e.Sequence).ToHashSet();
        var plan = Describe(c, ResumeStrategy.Restart, $"Creates run '{c.NewRunId}' with {(c.Request.Input is null ? "the same" : "a new")} input, linked to this one; everything runs again.", c.NewRunId, journal, discarded, [], edits) with
        {
            KeptThrough = 0,
        };
        return new ResumeDecision { Plan = plan, Create = NewRunImport(c, origin, journal, []) };
    }

    private static RunImport NewRunImport(ResumeContext c, RunOrigin origin, List<JournalEntry> journal, IReadOnlyList<WaitRecord> waits) => new()
    {
        Run = new RunRecord
        {
            RunId = c.NewRunId,
            Workflow = c.Run.Workflow,
            Version = c.Request.Version ?? c.Run.Version,
            Status = RunStatus.Pending,
            Input = c.Request.Input?.GetRawText() ?? c.Run.Input,
            SessionId = c.Run.SessionId,
            UserId = c.Run.UserId,
            Priority = c.Run.Priority,
            Origin = origin,
            CreatedAt = c.Now,
            UpdatedAt = c.Now,
            Waits = waits,
        },
        Journal = journal,
    };

    /// <summary>The edit entries (numbered later) and their description; <paramref name="kept"/> gives the state they change.</summary>
    private static (List<PlannedEdit> Edits, List<JournalEntry> Entries) Edits(ResumeContext c, IEnumerable<JournalEntry> kept, string? anchor)
    {
        var edits = new List<PlannedEdit>();
        var entries = new List<JournalEntry>();
        var request = c.Request;
        if (request.Input is { } input)
        {
            var value = input.GetRawText();
            edits.Add(new PlannedEdit("input", null, c.Run.Input, value));
            entries.Add(Entry(0, JournalEntryKind.InputEdited, null, null, RewindPayloads.InputEdit(c.Run.Input, value), c.Now));
        }

        if (request.Version is { } version && version != c.Run.Version)
        {
            edits.Add(new PlannedEdit("version", null, c.Run.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var state = request.SetState.Count == 0 ? [] : RunStateReplay.Through(kept);
        foreach (var (key, element) in request.SetState.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var old = state.GetValueOrDefault(key);
            var value = element.ValueKind == System.Text.Json.JsonValueKind.Null ? null : element.GetRawText();
            edits.Add(new PlannedEdit("state", key, old, value));
            entries.Add(Entry(0, JournalEntryKind.StateEdited, anchor, "run:" + key, RewindPayloads.StateEdit(key, old, value), c.Now));
        }

        return (edits, entries);
    }

    /// <summary>The waits a journal leaves open (started, never completed), and the child runs among them.</summary>
    private static (List<WaitRecord> Waits, List<string> Children) OpenWaits(IReadOnlyList<JournalEntry> journal)
    {
        var waits = new List<WaitRecord>();
        var children = new List<string>();
        foreach (var t in CallTrace.Index(journal).Values.Where(t => t.Start is not null && t.Final is null))
        {
            if (t.Start!.Kind == JournalEntryKind.ChildStarted && RewindPayloads.ChildRunId(t.Start.Payload) is { } child)
            {
                waits.Add(new WaitRecord(t.Position, WaitKind.Child, ChildNames.Signal(child), null, null));
                children.Add(child);
            }
            else if (t.Start.Kind == JournalEntryKind.WaitStarted)
            {
                waits.Add(WaitPayloads.ToRecord(t.Position, t.Start.Payload));
            }
        }

        return (waits, children);
    }

    private static string OriginPayload(RunOrigin origin) => new JsonObject
    {
        ["runId"] = origin.RunId,
        ["strategy"] = origin.Strategy.ToWireName(),
        ["checkpoint"] = origin.Checkpoint,
        ["sequence"] = origin.Sequence,
    }.ToJsonString(JsonText.Options);

    private static JournalEntry Entry(long sequence, JournalEntryKind kind, string? position, string? name, string? payload, DateTimeOffset at) =>
        new() { Sequence = sequence, Kind = kind, Position = position, Name = name, Payload = payload, At = at };

    private static JournalEntry Renumber(JournalEntry e, long sequence) => new()
    {
        Sequence = sequence,
        Kind = e.Kind,
        Position = e.Position,
        Name = e.Name,
        Payload = e.Payload,
        Attempt = e.Attempt,
        At = e.At,
        StartedAt = e.StartedAt,
    };
}
