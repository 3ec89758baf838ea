using Cairn.Engine;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn;

/// <content>Dead letters: failed runs and parked ones, with the step, its failure and its attempts.</content>
internal sealed partial class WorkflowClient
{
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(DeadLetterQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new DeadLetterQuery();
        if (query.Limit < 0)
        {
            throw new ArgumentException($"Limit is {query.Limit}; give 0 or more.", nameof(query));
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var failed = await Store.ListRunsAsync(new RunQuery { Status = RunStatus.Failed, Workflow = query.Workflow, Limit = query.Limit }, cancellationToken).ConfigureAwait(false);
        var parked = await Store.ListRunsAsync(new RunQuery { Status = RunStatus.Parked, Workflow = query.Workflow, Limit = query.Limit }, cancellationToken).ConfigureAwait(false);
        var letters = new List<DeadLetter>();
        foreach (var run in failed.Concat(parked).OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).Take(query.Limit))
        {
            letters.Add(run.Status == RunStatus.Failed
                ? await FailedLetterAsync(run, cancellationToken).ConfigureAwait(false)
                : await ParkedLetterAsync(run, cancellationToken).ConfigureAwait(false));
        }

        return letters;
    }

    private async Task<DeadLetter> FailedLetterAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var journal = await Store.ReadJournalAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var error = run.Error is null ? null : engine.Payloads.Deserialize<FailureInfo>(run.Error);
        var letter = Letter(run) with { Error = error };
        if (journal.LastOrDefault(e => e.Kind == JournalEntryKind.StepFailed) is { } step)
        {
            letter = letter with
            {
                Step = step.Name,
                Position = step.Position,
                Attempts = step.Attempt,
                Error = engine.Payloads.Deserialize<FailureInfo>(step.Payload),
            };
        }

        return letter;
    }

    private async Task<DeadLetter> ParkedLetterAsync(RunRecord listed, CancellationToken cancellationToken)
    {
        var run = await Store.GetRunAsync(listed.RunId, cancellationToken).ConfigureAwait(false) ?? listed;
        var wait = run.Waits.Where(w => w.Kind == WaitKind.Park).OrderBy(w => w.Position, StringComparer.Ordinal).FirstOrDefault();
        if (wait is null)
        {
            return Letter(run);
        }

        var (step, failure, attempts, reason) = ResolutionPayloads.Read(wait.Detail);
        var circuit = reason == "circuit" ? wait.Name["circuit:".Length..] : null;
        var journal = await Store.ReadJournalAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var last = journal.LastOrDefault(e => e.Name == step && e.Kind is JournalEntryKind.StepAttemptFailed or JournalEntryKind.StepParked);
        var lastFailure = journal.LastOrDefault(e => e.Position == last?.Position && e.Kind == JournalEntryKind.StepAttemptFailed);
        return Letter(run) with
        {
            Step = step,
            Position = last?.Position ?? wait.Position,
            Attempts = attempts ?? journal.Where(e => e.Position == last?.Position).Select(e => e.Attempt).DefaultIfEmpty(0).Max(),
            Error = failure ?? (lastFailure is null ? null : engine.Payloads.Deserialize<FailureInfo>(lastFailure.Payload)),
            Circuit = circuit,
            Until = circuit is null ? null : wait.DueAt,
        };
    }

    private static DeadLetter Letter(RunRecord run) => new()
    {
        RunId = run.RunId,
        Workflow = run.Workflow,
        Version = run.Version,
        Status = run.Status,
        UpdatedAt = run.UpdatedAt,
    };
}
