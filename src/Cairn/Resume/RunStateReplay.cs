using System.Text.Json;
using Cairn.Journal;

namespace Cairn.Resume;

/// <summary>Rebuilds a run's own state (not session or user state) from journal entries: its changes and the edits people made.</summary>
internal static class RunStateReplay
{
    public static Dictionary<string, string?> Through(IEnumerable<JournalEntry> entries)
    {
        var state = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            Apply(state, e);
        }

        return state;
    }

    /// <summary>Applies one entry to the state: a run-scoped change or edit sets or removes its key; other entries change nothing.</summary>
    public static void Apply(Dictionary<string, string?> state, JournalEntry e)
    {
        if (e.Kind is not (JournalEntryKind.StateChanged or JournalEntryKind.StateEdited) || e.Payload is null)
        {
            return;
        }

        using var doc = JsonDocument.Parse(e.Payload);
        var root = doc.RootElement;
        if (!root.TryGetProperty("scope", out var scope) || scope.GetString() != "run" || root.TryGetProperty("conflict", out _))
        {
            return;
        }

        var key = root.GetProperty("key").GetString() ?? string.Empty;
        if (root.TryGetProperty("new", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            state[key] = value.GetRawText();
        }
        else
        {
            state.Remove(key);
        }
    }
}
