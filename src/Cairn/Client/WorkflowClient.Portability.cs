using Cairn.Portability;
using Cairn.Storage;

namespace Cairn;

/// <content>Export and import of whole runs as JSON lines.</content>
internal sealed partial class WorkflowClient
{
    public async Task<int> ExportAsync(TextWriter output, IReadOnlyCollection<string>? runIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var ids = runIds ?? (await Store.ListRunsAsync(new RunQuery { Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false))
            .Reverse().Select(r => r.RunId).ToList();
        var runs = new List<RunRecord>();
        foreach (var id in ids)
        {
            runs.Add(await RequireAsync(id, cancellationToken).ConfigureAwait(false));
        }

        var count = 0;
        foreach (var run in runs)
        {
            var id = run.RunId;
            var line = RunArchive.Write(new RunImport
            {
                Run = run,
                Journal = await Store.ReadJournalAsync(id, cancellationToken).ConfigureAwait(false),
                Branches = await Store.ReadJournalBranchesAsync(id, cancellationToken).ConfigureAwait(false),
                Signals = await Store.ReadSignalsAsync(id, cancellationToken).ConfigureAwait(false),
                Snapshots = await Store.ListSnapshotsAsync(id, cancellationToken).ConfigureAwait(false),
            });
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public async Task<IReadOnlyList<ImportedRun>> ImportAsync(TextReader input, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunImport>();
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                var run = RunArchive.Read(line, number);
                StoreArgumentChecks.CheckImport(run);
                runs.Add(run);
            }
        }

        var names = await RenamesAsync(runs, options?.Rename ?? false, cancellationToken).ConfigureAwait(false);
        var imported = new List<ImportedRun>();
        foreach (var original in runs)
        {
            var run = RunRenames.Apply(original, names);
            var record = run.Run with { Owner = null, LeaseUntil = null };
            if (!await Store.ImportRunAsync(run with { Run = record }, cancellationToken).ConfigureAwait(false))
            {
                throw new RunAlreadyExistsException([record.RunId]);
            }

            imported.Add(new ImportedRun(original.Run.RunId, record.RunId));
            engine.Notifications.RunCreated(record.RunId);
        }

        return imported;
    }

    /// <summary>Maps each imported id that exists to a free one, or refuses the import when renaming is off.</summary>
    private async Task<Dictionary<string, string>> RenamesAsync(List<RunImport> runs, bool rename, CancellationToken cancellationToken)
    {
        var taken = new List<string>();
        foreach (var run in runs)
        {
            if (await Store.GetRunAsync(run.Run.RunId, cancellationToken).ConfigureAwait(false) is not null)
            {
                taken.Add(run.Run.RunId);
            }
        }

        var duplicates = runs.GroupBy(r => r.Run.RunId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidDataException($"The file holds run{(duplicates.Count == 1 ? string.Empty : "s")} {string.Join(", ", duplicates.Select(d => $"'{d}'"))} more than once; nothing was imported.");
        }

        if (taken.Count > 0 && !rename)
        {
            throw new RunAlreadyExistsException(taken);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = runs.Select(r => r.Run.RunId).ToHashSet(StringComparer.Ordinal);
        async Task<bool> FreeAsync(string candidate) =>
            !used.Contains(candidate) && await Store.GetRunAsync(candidate, cancellationToken).ConfigureAwait(false) is null;

        // Parents before their children, so that a child whose id Cairn derived from its parent's keeps following it
        // ({parent}/{position}); a derived child is renamed with its parent even when its own id is free.
        foreach (var run in runs.OrderBy(r => r.Run.RunId.Count(ch => ch == '/')))
        {
            var id = run.Run.RunId;
            var parent = run.Run.ParentRunId;
            if (parent is not null && names.TryGetValue(parent, out var newParent) && id.StartsWith(parent + "/", StringComparison.Ordinal)
                && newParent + id[parent.Length..] is var derived && await FreeAsync(derived).ConfigureAwait(false))
            {
                names[id] = derived;
                used.Add(derived);
                continue;
            }

            if (!taken.Contains(id))
            {
                continue;
            }

            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? id + "-imported" : $"{id}-imported-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                if (await FreeAsync(candidate).ConfigureAwait(false))
                {
                    names[id] = candidate;
                    used.Add(candidate);
                    break;
                }
            }
        }

        return names;
    }
}
