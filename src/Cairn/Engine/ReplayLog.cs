using System.Runtime.CompilerServices;
using Cairn.Journal;

namespace Cairn.Engine;

/// <summary>A run's journal indexed by position, built once per load in O(journal).</summary>
internal sealed class ReplayLog
{
    private readonly Dictionary<string, Recorded> _byPosition;
    private readonly List<JournalEntry> _startEdits = [];
    private int _unvisited;

    public ReplayLog(IReadOnlyList<JournalEntry> journal, long firstSequence = 0)
    {
        LastSequence = firstSequence;
        _byPosition = new Dictionary<string, Recorded>(journal.Count, StringComparer.Ordinal);
        List<JournalEntry>? edits = null;
        foreach (var e in journal)
        {
            LastSequence = e.Sequence;
            if (e.Kind is JournalEntryKind.StateEdited or JournalEntryKind.RunRewound)
            {
                (edits ??= []).Add(e);
                continue;
            }

            if (e.Position is null || Recorded.ClassOf(e.Kind) is not { } callClass)
            {
                Terminal ??= e.Kind is JournalEntryKind.RunCompleted or JournalEntryKind.RunFailed or JournalEntryKind.RunCancelled ? e : null;
                continue;
            }

            if (!_byPosition.TryGetValue(e.Position, out var r))
            {
                r = new Recorded { Class = callClass, Name = e.Name ?? string.Empty };
                _byPosition.Add(e.Position, r);
            }

            switch (e.Kind)
            {
                case JournalEntryKind.StepAttemptFailed:
                    r.Attempts = Math.Max(r.Attempts, e.Attempt);
                    (r.AttemptFailures ??= []).Add(e);
                    break;
                case JournalEntryKind.StepParked:
                    break;
                case JournalEntryKind.StepStarted:
                    r.Attempts = Math.Max(r.Attempts, e.Attempt);
                    break;
                case JournalEntryKind.WaitStarted or JournalEntryKind.ChildStarted:
                    r.Start = e;
                    break;
                default:
                    r.Final = e;
                    break;
            }
        }

        foreach (var e in edits ?? [])
        {
            if (e.Kind == JournalEntryKind.RunRewound)
            {
                Generation = RewindPayloads.Branch(e.Payload);
            }
            else if (e.Position is not null && _byPosition.TryGetValue(e.Position, out var anchor))
            {
                (anchor.Edits ??= []).Add(e);
            }
            else
            {
                _startEdits.Add(e);
            }
        }

        _unvisited = _byPosition.Count;
    }

    public long LastSequence { get; }

    /// <summary>Gets the run-level end entry when the journal already says the run finished.</summary>
    public JournalEntry? Terminal { get; }

    /// <summary>Gets the number of recorded positions the code has not reached yet.</summary>
    public int Unvisited => Volatile.Read(ref _unvisited);

    /// <summary>Gets the branch number of the last in-place rewind (0 when never rewound); new child runs take it into their ids.</summary>
    public int Generation { get; }

    /// <summary>Gets the state edits that apply before the first call.</summary>
    public IReadOnlyList<JournalEntry> StartEdits => _startEdits;

    /// <summary>Gets or sets what to do with the state edits anchored at a position when replay first reaches it.</summary>
    public Action<IReadOnlyList<JournalEntry>>? EditsReached { get; set; }

    /// <summary>Looks up a position and checks that the code asks for what was recorded there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Recorded? Match(string runId, string position, string callClass, string name)
    {
        if (!_byPosition.TryGetValue(position, out var r))
        {
            return null;
        }

        if (!string.Equals(r.Class, callClass, StringComparison.Ordinal) || !string.Equals(r.Name, name, StringComparison.Ordinal))
        {
            throw new NonDeterminismException(runId, position, r.Describe(), Recorded.Describe(callClass, name));
        }

        if (!r.Visited)
        {
            r.Visited = true;
            Interlocked.Decrement(ref _unvisited);
            if (r.Edits is { } edits)
            {
                EditsReached?.Invoke(edits);
            }
        }

        return r;
    }

    /// <summary>Returns the child run id recorded at a position, if a child was started there.</summary>
    public string? RecordedChild(string position) =>
        _byPosition.TryGetValue(position, out var r) && r.Start is { Kind: JournalEntryKind.ChildStarted } start ? RewindPayloads.ChildRunId(start.Payload) : null;

    /// <summary>Returns the first recorded position the code never reached, in journal order.</summary>
    public (string Position, Recorded Call)? FirstUnvisited() => Unvisited == 0 ? null :
        _byPosition.Where(p => !p.Value.Visited)
            .OrderBy(p => (p.Value.Start ?? p.Value.Final)?.Sequence ?? long.MaxValue)
            .Select(p => ((string, Recorded)?)(p.Key, p.Value))
            .FirstOrDefault();
}
