using Cairn.Storage;

namespace Cairn.Cli.Integrity;

/// <summary>Runs every integrity check over a store: those of each run through the store contract, then the store's own (<see cref="IStoreIntegrityCheck"/>).</summary>
internal static class StoreChecker
{
    private static readonly (string Name, string Description)[] RunCheckNames =
    [
        (RunChecks.Journal, "each run's journal is numbered 1..n without gaps and starts with RunStarted"),
        (RunChecks.Branches, "archived branches are numbered 1..m, each continuing its branch point without gaps"),
        (RunChecks.Waits, "a suspended or parked run has an open wait or a wake time"),
        (RunChecks.Links, "a child run's parent exists"),
        (RunChecks.Definitions, "a run of a stored definition is pinned to a version that exists"),
        (RunChecks.Snapshots, "checkpoint state snapshots lie within their run's journal"),
    ];

    public static async Task<IntegrityReport> CheckAsync(IWorkflowStore store, CancellationToken cancellationToken)
    {
        var runs = (await store.ListRunsAsync(new RunQuery { Limit = int.MaxValue }, cancellationToken)).Reverse().ToList();
        var ids = runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var versions = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var d in await store.ListDefinitionsAsync(cancellationToken))
        {
            (versions.TryGetValue(d.Name, out var set) ? set : versions[d.Name] = []).Add(d.Version);
        }

        var problems = new List<IntegrityProblem>();
        long entries = 0;
        foreach (var listed in runs)
        {
            var id = listed.RunId;
            var run = await store.GetRunAsync(id, cancellationToken) ?? listed;
            var journal = await store.ReadJournalAsync(id, cancellationToken);
            var last = journal.Count == 0 ? 0 : journal[^1].Sequence;
            entries += journal.Count;
            Add(problems, RunChecks.Journal, id, RunChecks.CheckJournal(journal));
            Add(problems, RunChecks.Branches, id, RunChecks.CheckBranches(await store.ReadJournalBranchesAsync(id, cancellationToken), last));
            Add(problems, RunChecks.Waits, id, RunChecks.CheckWaits(run));
            Add(problems, RunChecks.Links, id, RunChecks.CheckLinks(run, ids));
            Add(problems, RunChecks.Definitions, id, RunChecks.CheckDefinition(run, versions));
            Add(problems, RunChecks.Snapshots, id, RunChecks.CheckSnapshots(await store.ListSnapshotsAsync(id, cancellationToken), last));
        }

        var checks = RunCheckNames
            .Select(c => new IntegrityCheck(c.Name, c.Description, runs.Count, problems.Count(p => p.Check == c.Name)))
            .ToList();
        if (store is IStoreIntegrityCheck own)
        {
            var found = await own.CheckIntegrityAsync(cancellationToken);
            problems.AddRange(found);
            checks.AddRange(own.IntegrityChecks.Select(name => new IntegrityCheck(name, "the store's own storage check", 1, found.Count(p => p.Check == name))));
        }

        return new IntegrityReport(checks, problems, runs.Count, entries);
    }

    private static void Add(List<IntegrityProblem> problems, string check, string runId, IEnumerable<string> found) =>
        problems.AddRange(found.Select(problem => new IntegrityProblem(check, runId, problem, RunChecks.Fix(check, runId))));
}
