using Cairn.Storage;

namespace Cairn.Sqlite;

/// <content>The SQLite file's own integrity check.</content>
public sealed partial class SqliteWorkflowStore : IStoreIntegrityCheck
{
    private const string FileCheck = "sqlite-integrity";

    /// <inheritdoc />
    public IReadOnlyList<string> IntegrityChecks { get; } = [FileCheck];

    /// <inheritdoc />
    /// <remarks>Runs <c>PRAGMA integrity_check</c>: every page, index and row of the file.</remarks>
    public ValueTask<IReadOnlyList<IntegrityProblem>> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<IntegrityProblem> problems = Readers.Read(q => q.CheckFile())
            .Select(line => new IntegrityProblem(
                FileCheck,
                null,
                $"SQLite reports: {line}",
                $"The file {_path} is damaged; restore it from a backup (cairn migrate --from sqlite:BACKUP --to sqlite:NEW copies a backup into a new file), or copy out what is readable with cairn export --all."))
            .ToList();
        return ValueTask.FromResult(problems);
    }
}
