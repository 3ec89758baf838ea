using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Resume;

/// <summary>What a resume is planned from: the run as stored, its journal, and the request.</summary>
/// <param name="Run">The run.</param>
/// <param name="Journal">Its journal.</param>
/// <param name="Branches">How many archived branches it has.</param>
/// <param name="Request">The request.</param>
/// <param name="OwnerAlive">Whether a live host holds the run (it is executing).</param>
/// <param name="Now">The time of the resume.</param>
/// <param name="NewRunId">The id a restart or fork creates.</param>
internal sealed record ResumeContext(
    RunRecord Run,
    IReadOnlyList<JournalEntry> Journal,
    int Branches,
    ResumeRequest Request,
    bool OwnerAlive,
    DateTimeOffset Now,
    string NewRunId)
{
    public string RunId => Run.RunId;

    /// <summary>Gets the steps the workflow takes after the calls a journal keeps, when it can say (definitions).</summary>
    public Func<IReadOnlySet<string>, IReadOnlyList<OutlinedStep>>? StepsAfter { get; init; }

    public long LastSequence => Journal[^1].Sequence;

    public ResumeNotPossibleException NotPossible(ResumeStrategy strategy, string reason) => new(RunId, strategy, reason);
}
