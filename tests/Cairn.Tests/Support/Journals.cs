using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>Waits on what a run's journal and status show, without sleeping.</summary>
public static class Journals
{
    /// <summary>Waits until the run's journal satisfies the condition, and returns it.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> WaitForAsync(IWorkflowClient client, string runId, Func<IReadOnlyList<JournalEntry>, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var journal = await client.GetJournalAsync(runId);
            if (condition(journal))
            {
                return journal;
            }

            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"Run {runId}'s journal never met the condition; it holds: {string.Join(", ", journal.Select(e => $"{e.Sequence}:{e.Kind}@{e.Position}"))}");
            }

            await Task.Yield();
        }
    }

    /// <summary>Waits until the run holds the given number of failed attempts and is unloaded (suspended or parked), and returns its journal.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> WaitForRetryWaitAsync(IWorkflowClient client, string runId, int failedAttempts, RunStatus status = RunStatus.Suspended)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var run = await client.GetRunAsync(runId);
            var journal = await client.GetJournalAsync(runId);
            if (run.Status == status && journal.Count(e => e.Kind == JournalEntryKind.StepAttemptFailed) == failedAttempts)
            {
                return journal;
            }

            if (run.Status.IsFinished() || DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"Run {runId} is {run.Status} ({run.Error?.Message}) with {journal.Count(e => e.Kind == JournalEntryKind.StepAttemptFailed)} failed attempt(s); expected {status} with {failedAttempts}.");
            }

            await Task.Yield();
        }
    }

    /// <summary>Reads the <c>retryAt</c> of a failed attempt's payload.</summary>
    public static DateTimeOffset? RetryAt(JournalEntry entry) =>
        System.Text.Json.JsonDocument.Parse(entry.Payload!).RootElement.TryGetProperty("retryAt", out var at) ? at.GetDateTimeOffset() : null;
}
