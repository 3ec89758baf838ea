using System.Text.Json.Nodes;
using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Portability;

/// <summary>
/// Gives imported runs new ids consistently: everywhere a run id is stored, not only in the run record. That is the
/// record (<c>RunId</c>, <c>ParentRunId</c>, <c>Origin.RunId</c>), the open child waits and the inbox (<c>child:{id}</c>),
/// and the journal and its archived branches (the <c>childRunId</c> of <c>ChildStarted</c>, the <c>runId</c> of
/// <c>RunCreatedFrom</c>, and the <c>child:{id}</c> name of the entry that completed a child wait). Payloads that
/// name no renamed run are kept as the exact strings stored.
/// </summary>
internal static class RunRenames
{
    /// <summary>Returns the run with every id the map names replaced; the run itself when the map is empty.</summary>
    public static RunImport Apply(RunImport run, IReadOnlyDictionary<string, string> names)
    {
        if (names.Count == 0)
        {
            return run;
        }

        string? Renamed(string? id) => id is not null && names.TryGetValue(id, out var renamed) ? renamed : id;
        var record = run.Run with
        {
            RunId = Renamed(run.Run.RunId)!,
            ParentRunId = Renamed(run.Run.ParentRunId),
            Origin = run.Run.Origin is { } origin ? origin with { RunId = Renamed(origin.RunId)! } : null,
            Waits = run.Run.Waits.Select(w => w with { Name = SignalName(w.Name, names) }).ToList(),
        };
        return run with
        {
            Run = record,
            Journal = run.Journal.Select(e => Entry(e, names)).ToList(),
            Branches = run.Branches.Select(b => new JournalBranch
            {
                Number = b.Number,
                AfterSequence = b.AfterSequence,
                ArchivedAt = b.ArchivedAt,
                Reason = b.Reason,
                Entries = b.Entries.Select(e => Entry(e, names)).ToList(),
            }).ToList(),
            Signals = run.Signals.Select(s => s with { Name = SignalName(s.Name, names) }).ToList(),
        };
    }

    /// <summary>Renames the child a <c>child:{id}</c> name refers to; other names are returned as they are.</summary>
    public static string SignalName(string name, IReadOnlyDictionary<string, string> names) =>
        name.StartsWith(ChildNames.Signal(string.Empty), StringComparison.Ordinal) && names.TryGetValue(ChildNames.RunIdOf(name), out var renamed)
            ? ChildNames.Signal(renamed)
            : name;

    private static JournalEntry Entry(JournalEntry e, IReadOnlyDictionary<string, string> names)
    {
        var payload = e.Kind switch
        {
            JournalEntryKind.ChildStarted => Property(e.Payload, "childRunId", names),
            JournalEntryKind.RunCreatedFrom => Property(e.Payload, "runId", names),
            _ => e.Payload,
        };
        var name = e.Name is { } n ? SignalName(n, names) : null;
        return ReferenceEquals(payload, e.Payload) && ReferenceEquals(name, e.Name)
            ? e
            : new JournalEntry
            {
                Sequence = e.Sequence,
                Kind = e.Kind,
                Position = e.Position,
                Name = name,
                Payload = payload,
                Attempt = e.Attempt,
                At = e.At,
                StartedAt = e.StartedAt,
            };
    }

    /// <summary>Replaces a string property of a JSON object when it names a renamed run; otherwise returns the payload itself.</summary>
    private static string? Property(string? payload, string property, IReadOnlyDictionary<string, string> names)
    {
        if (payload is null || JsonNode.Parse(payload) is not JsonObject node
            || node[property] is not JsonValue value || !value.TryGetValue<string>(out var id) || !names.TryGetValue(id, out var renamed))
        {
            return payload;
        }

        node[property] = renamed;
        return node.ToJsonString(JsonText.Options);
    }
}
