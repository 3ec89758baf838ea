using System.Collections.Concurrent;
using System.Text.Json;
using Cairn.Engine;
using Cairn.Journal;

namespace Cairn;

/// <summary>Views derived from a journal: progress and checkpoints.</summary>
internal static class JournalViews
{
    public static RunProgress Progress(IReadOnlyList<JournalEntry> journal, ConcurrentDictionary<string, RunningStep>? running)
    {
        var steps = new Dictionary<string, StepProgress>(StringComparer.Ordinal);
        var order = new List<string>();
        int? reportedTotal = null;
        string? message = null;
        foreach (var e in journal)
        {
            if (e.Kind == JournalEntryKind.ProgressReported && e.Payload is not null)
            {
                using var doc = JsonDocument.Parse(e.Payload);
                if (doc.RootElement.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number)
                {
                    reportedTotal = t.GetInt32();
                }

                if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString();
                }

                continue;
            }

            var status = e.Kind switch
            {
                JournalEntryKind.StepCompleted => StepStatus.Completed,
                JournalEntryKind.StepFailed => StepStatus.Failed,
                JournalEntryKind.StepSkipped => StepStatus.Skipped,
                JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepStarted or JournalEntryKind.StepParked => StepStatus.Running,
                _ => (StepStatus?)null,
            };
            if (status is null || e.Position is null)
            {
                continue;
            }

            if (!steps.ContainsKey(e.Position))
            {
                order.Add(e.Position);
            }

            steps[e.Position] = new StepProgress(e.Position, e.Name ?? string.Empty, status.Value, e.Attempt, e.StartedAt, status == StepStatus.Running ? null : e.At,
                status is StepStatus.Completed or StepStatus.Skipped ? e.Payload : null);
        }

        foreach (var (position, step) in running ?? [])
        {
            if (!steps.ContainsKey(position))
            {
                order.Add(position);
            }

            steps[position] = new StepProgress(position, step.Name, StepStatus.Running, step.Attempt, step.StartedAt, null, null);
        }

        var list = order.Select(p => steps[p]).ToList();
        var done = list.Count(s => s.Status is StepStatus.Completed or StepStatus.Failed or StepStatus.Skipped);
        return new RunProgress(done, Math.Max(list.Count, reportedTotal ?? 0), list, message);
    }

    public static IReadOnlyList<CheckpointInfo> Checkpoints(IReadOnlyList<JournalEntry> journal)
    {
        var list = new List<CheckpointInfo>();
        foreach (var e in journal)
        {
            if (e.Kind == JournalEntryKind.StepCompleted)
            {
                list.Add(new CheckpointInfo(list.Count + 1, e.Sequence, e.Position!, e.Name, null, null, e.At));
            }
            else if (e.Kind == JournalEntryKind.Checkpoint)
            {
                string? metadata = null;
                if (e.Payload is not null)
                {
                    using var doc = JsonDocument.Parse(e.Payload);
                    metadata = doc.RootElement.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null ? m.GetRawText() : null;
                }

                list.Add(new CheckpointInfo(list.Count + 1, e.Sequence, e.Position!, null, e.Name, metadata, e.At));
            }
        }

        return list;
    }
}
