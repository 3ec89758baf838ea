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
        string? Renamed(string? id) => id is not null && names.TryGetValue(id, out var renamed) ? renamed : id;
        var imported = new List<ImportedRun>();
        foreach (var run in runs)
        {
            var record = run.Run with
            {
                RunId = Renamed(run.Run.RunId)!,
                ParentRunId = Renamed(run.Run.ParentRunId),
                Origin = run.Run.Origin is { } origin ? origin with { RunId = Renamed(origin.RunId)! } : null,
                Owner = null,
                LeaseUntil = null,
            };
            if (!await Store.ImportRunAsync(run with { Run = record }, cancellationToken).ConfigureAwait(false))
            {
                throw new RunAlreadyExistsException([record.RunId]);
            }

            imported.Add(new ImportedRun(run.Run.RunId, record.RunId));
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
        foreach (var id in taken)
        {
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? id + "-imported" : $"{id}-imported-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                if (!used.Contains(candidate) && await Store.GetRunAsync(candidate, cancellationToken).ConfigureAwait(false) is null)
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
