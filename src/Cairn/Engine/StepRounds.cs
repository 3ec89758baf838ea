using Cairn.Journal;

namespace Cairn.Engine;

/// <summary>
/// Where a step with a failure policy stands: the rounds of attempts its journal holds (a round is what one retry
/// policy allows; it ends with an attempt failure that names no next attempt), and, once live, the attempts made since.
/// </summary>
internal sealed class StepRounds
{
    private readonly List<JournalEntry> _ends;
    private readonly JournalEntry? _final;
    private int _nextEnd;

    public StepRounds(Recorded? recorded)
    {
        _final = recorded?.Final;
        Attempts = recorded?.Attempts ?? 0;
        var failures = recorded?.AttemptFailures ?? [];
        _ends = failures.Where(e => AttemptPayloads.RetryAt(e.Payload) is null).ToList();
        RoundStart = _ends.Count > 0 ? _ends[^1].Attempt : 0;
        if (failures is [.., var last] && last.Attempt == Attempts && AttemptPayloads.RetryAt(last.Payload) is { } retryAt)
        {
            PendingRetryAt = retryAt;
        }
    }

    /// <summary>Gets the step's final entry as recorded (completed, skipped or failed), while it still applies.</summary>
    public JournalEntry? Final => Live ? null : _final;

    /// <summary>Gets whether the step has gone past its journal: everything from now on is live.</summary>
    public bool Live { get; private set; }

    /// <summary>Gets the attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Gets the attempts made before the round about to start.</summary>
    public int RoundStart { get; private set; }

    /// <summary>Gets when the next attempt of a round interrupted by a restart is due.</summary>
    public DateTimeOffset? PendingRetryAt { get; private set; }

    /// <summary>Returns the entry that ended the next recorded round, or <see langword="null"/> when the journal holds no more.</summary>
    public JournalEntry? NextRecordedEnd() => !Live && _nextEnd < _ends.Count ? _ends[_nextEnd++] : null;

    /// <summary>Starts a live call for the next round.</summary>
    public StepCall<T> StartLive<T>(string position, string name, Func<StepContext, Task<T>> body, StepPlan plan)
    {
        var call = new StepCall<T>(position, name, body, plan)
        {
            Attempt = Attempts + 1,
            RoundStart = RoundStart,
            RetryAt = PendingRetryAt,
            WaitOpen = PendingRetryAt is not null,
        };
        Live = true;
        PendingRetryAt = null;
        return call;
    }

    /// <summary>Records that a live round ended in failure at its last attempt; the next round starts after it.</summary>
    public void LiveRoundEnded(int lastAttempt)
    {
        Attempts = lastAttempt;
        RoundStart = lastAttempt;
    }
}
