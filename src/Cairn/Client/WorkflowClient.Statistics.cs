using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <content>Error statistics, computed from the run index and the journals.</content>
internal sealed partial class WorkflowClient
{
    public async Task<RunStatistics> GetStatisticsAsync(StatisticsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StatisticsQuery();
        if (query.Limit < 0 || query.TopErrors < 0)
        {
            throw new ArgumentException($"Limit ({query.Limit}) and TopErrors ({query.TopErrors}) must be 0 or more.", nameof(query));
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var runs = await Store.ListRunsAsync(new RunQuery { Workflow = query.Workflow, CreatedSince = query.Since, Limit = query.Limit }, cancellationToken).ConfigureAwait(false);
        var workflows = new List<WorkflowStatistics>();
        foreach (var group in runs.GroupBy(r => r.Workflow, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var journals = new List<(RunRecord Run, IReadOnlyList<JournalEntry> Journal)>();
            foreach (var run in group)
            {
                journals.Add((run, await Store.ReadJournalAsync(run.RunId, cancellationToken).ConfigureAwait(false)));
            }

            workflows.Add(Summarize(group.Key, journals, query));
        }

        return new RunStatistics(query.Since, runs.Count, workflows);
    }

    private WorkflowStatistics Summarize(string workflow, List<(RunRecord Run, IReadOnlyList<JournalEntry> Journal)> runs, StatisticsQuery query)
    {
        var byStatus = Enum.GetValues<RunStatus>().ToDictionary(s => s, s => runs.Count(r => r.Run.Status == s));
        var completed = byStatus[RunStatus.Completed];
        var failed = byStatus[RunStatus.Failed];
        var ended = runs.Where(r => r.Run.Status is RunStatus.Completed or RunStatus.Failed).Select(r => r.Run.UpdatedAt - r.Run.CreatedAt);
        var steps = new Dictionary<string, StepTally>(StringComparer.Ordinal);
        var types = new Dictionary<string, StepTally>(StringComparer.Ordinal);
        var errors = new Dictionary<(string, string), ErrorCount>();
        foreach (var (run, journal) in runs)
        {
            var failedAttempts = new HashSet<(string?, int)>();
            foreach (var e in journal)
            {
                // A step failed after an escalation or park answered "fail" records its last attempt's failure again,
                // with the same attempt number; it is one more failed step, not one more failed attempt or error.
                var repeated = e.Kind switch
                {
                    JournalEntryKind.StepAttemptFailed => !failedAttempts.Add((e.Position, e.Attempt)),
                    JournalEntryKind.StepFailed => failedAttempts.Contains((e.Position, e.Attempt)),
                    _ => false,
                };
                if (e.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepFailed or JournalEntryKind.StepSkipped or JournalEntryKind.StepAttemptFailed)
                {
                    var name = e.Name ?? string.Empty;
                    Tally(steps, name).Add(e, repeated);
                    if (query.StepType is { } typeOf)
                    {
                        Tally(types, typeOf(workflow, run.Version, name) ?? "step").Add(e, repeated);
                    }
                }

                if (!repeated && Failure(e) is { } failure)
                {
                    var key = (failure.Type, failure.Message);
                    errors[key] = errors.TryGetValue(key, out var seen)
                        ? seen with { Count = seen.Count + 1, LastSeen = e.At > seen.LastSeen ? e.At : seen.LastSeen, LastRunId = e.At > seen.LastSeen ? run.RunId : seen.LastRunId }
                        : new ErrorCount(failure.Type, failure.Message, 1, e.At, run.RunId);
                }
            }
        }

        return new WorkflowStatistics
        {
            Workflow = workflow,
            Total = runs.Count,
            Runs = byStatus,
            ErrorRate = completed + failed == 0 ? null : (double)failed / (completed + failed),
            RunDurations = DurationSummary.Of(ended),
            Steps = [.. steps.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.ToStatistics(s.Key))],
            StepTypes = [.. types.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.ToStatistics(s.Key))],
            TopErrors = [.. errors.Values.OrderByDescending(c => c.Count).ThenByDescending(c => c.LastSeen).Take(query.TopErrors)],
        };
    }

    private static StepTally Tally(Dictionary<string, StepTally> tallies, string key) =>
        tallies.TryGetValue(key, out var tally) ? tally : tallies[key] = new StepTally();

    /// <summary>The failure an entry records: a failed attempt or step, or a run failure that is not a step's.</summary>
    private FailureInfo? Failure(JournalEntry e) => e.Kind switch
    {
        JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepFailed => engine.Payloads.Deserialize<FailureInfo>(e.Payload),
        JournalEntryKind.RunFailed when engine.Payloads.Deserialize<FailureInfo>(e.Payload) is { } f && f.Type != typeof(StepFailedException).FullName => f,
        _ => null,
    };

    private sealed class StepTally
    {
        private readonly List<TimeSpan> _durations = [];
        private int _completed;
        private int _failed;
        private int _skipped;
        private int _failedAttempts;

        /// <summary>Counts an entry; a <paramref name="repeated"/> one records an attempt already counted.</summary>
        public void Add(JournalEntry e, bool repeated)
        {
            switch (e.Kind)
            {
                case JournalEntryKind.StepCompleted:
                    _completed++;
                    break;
                case JournalEntryKind.StepFailed:
                    _failed++;
                    if (repeated)
                    {
                        return;
                    }

                    _failedAttempts++;
                    break;
                case JournalEntryKind.StepSkipped:
                    _skipped++;
                    return;
                default:
                    _failedAttempts++;
                    return;
            }

            if (e.StartedAt is { } started)
            {
                _durations.Add(e.At - started);
            }
        }

        public StepStatistics ToStatistics(string name) => new(name, _completed, _failed, _skipped, _failedAttempts, DurationSummary.Of(_durations));
    }
}
