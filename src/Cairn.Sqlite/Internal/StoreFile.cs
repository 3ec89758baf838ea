using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cairn.Sqlite.Internal;

/// <summary>Decides whether a file can be used as a store, and creates the schema of a new one.</summary>
/// <remarks>
/// A file is inspected before anything is written to it: a file that is refused stays byte-for-byte unchanged and no
/// companion file is left behind.
/// </remarks>
internal static class StoreFile
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Checks a file without changing it.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="options">The store options.</param>
    /// <returns><see langword="true"/> when the file is a current Cairn store; <see langword="false"/> when it is missing or empty and a schema must be created, or older and must be migrated.</returns>
    /// <exception cref="StoreSchemaException">The file is not a SQLite database, is damaged, is not a Cairn store, or has a newer schema.</exception>
    public static bool Inspect(string path, SqliteStoreOptions options)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return false;
        }

        if (!HasSqliteHeader(path))
        {
            throw new StoreSchemaException(
                $"The file '{path}' is not a SQLite database, so it cannot be a Cairn store. Check SqliteStoreOptions.Path. The file was left unchanged.");
        }

        var companions = ExistingCompanions(path);
        try
        {
            using var connection = StoreConnections.OpenForInspection(path, options);
            return ReadSchemaVersion(connection, path) == StoreSchema.CurrentVersion;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT)
        {
            RemoveNewCompanions(path, companions);
            throw new StoreSchemaException(
                $"The Cairn store '{path}' is damaged or not a database (SQLite: {e.Message}). Restore it from a backup, or point SqliteStoreOptions.Path at another file. The file was left unchanged.",
                e);
        }
        catch
        {
            RemoveNewCompanions(path, companions);
            throw;
        }
    }

    /// <summary>Creates the current schema in a new file, or applies the migrations an older store lacks; checks the version again under the write lock, since another process may have done it meanwhile.</summary>
    /// <param name="connection">A read-write connection to the file.</param>
    /// <param name="path">The full path, for messages.</param>
    /// <param name="now">The time to record.</param>
    public static void Create(SqliteConnection connection, string path, DateTimeOffset now)
    {
        StoreConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        StoreConnections.Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            var version = ReadSchemaVersion(connection, path) ?? 0;
            for (var next = version + 1; next <= StoreSchema.CurrentVersion; next++)
            {
                StoreConnections.Execute(connection, StoreSchema.Migrations[(int)next - 1]);
                StoreConnections.Execute(connection, string.Create(
                    CultureInfo.InvariantCulture,
                    $"INSERT INTO cairn_schema (version, applied_at) VALUES ({next}, {StoredTime.ToTicks(now)});"));
            }

            StoreConnections.Execute(connection, "COMMIT;");
        }
        catch
        {
            StoreConnections.Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    /// <summary>Reads the schema version, refusing files this build cannot use.</summary>
    /// <returns>The version, or <see langword="null"/> when the database has no tables yet.</returns>
    private static long? ReadSchemaVersion(SqliteConnection connection, string path)
    {
        var tables = Convert.ToInt64(
            StoreConnections.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"),
            CultureInfo.InvariantCulture);
        if (tables == 0)
        {
            return null;
        }

        var hasSchemaTable = StoreConnections.Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cairn_schema';") is not null;
        if (!hasSchemaTable)
        {
            throw new StoreSchemaException(
                $"The file '{path}' is a SQLite database but not a Cairn store: it has tables and no cairn_schema table. Point SqliteStoreOptions.Path at a new file or an existing Cairn store. The file was left unchanged.");
        }

        var version = StoreConnections.Scalar(connection, "SELECT max(version) FROM cairn_schema;") is { } v
            ? Convert.ToInt64(v, CultureInfo.InvariantCulture)
            : 0;
        if (version > StoreSchema.CurrentVersion)
        {
            throw new StoreSchemaException(
                $"The Cairn store '{path}' was written by a newer Cairn (schema {version}, this version supports {StoreSchema.CurrentVersion}); upgrade Cairn to open it. The file was left unchanged.");
        }

        if (version < 1)
        {
            throw new StoreSchemaException(
                $"The Cairn store '{path}' is damaged: its cairn_schema table holds no valid version. Restore it from a backup, or point SqliteStoreOptions.Path at another file. The file was left unchanged.");
        }

        return version;
    }

    private static bool HasSqliteHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteMagic);
    }

    private static string[] ExistingCompanions(string path) =>
        Companions(path).Where(File.Exists).ToArray();

    private static void RemoveNewCompanions(string path, string[] existedBefore)
    {
        foreach (var companion in Companions(path).Except(existedBefore))
        {
            File.Delete(companion);
        }
    }

    private static string[] Companions(string path) => [path + "-wal", path + "-shm", path + "-journal"];
}
