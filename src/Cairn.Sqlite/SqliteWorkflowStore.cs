using Cairn.Sqlite.Internal;
using Cairn.Storage;

namespace Cairn.Sqlite;

/// <summary>
/// A durable store in one SQLite file, in WAL mode. Concurrent commits are grouped into one transaction (one disk
/// sync for all of them); reads run on their own connections while the writer writes. Several processes may open the
/// same file.
/// </summary>
/// <remarks>
/// <para>Times are stored as UTC ticks: every instant round-trips exactly and comes back with a zero offset.</para>
/// <para>
/// <see cref="InitializeAsync"/> refuses a file that is not a Cairn store, is damaged, or was written by a newer Cairn,
/// and leaves such a file byte-for-byte unchanged. A missing file is created; its folder must exist.
/// </para>
/// </remarks>
public sealed partial class SqliteWorkflowStore : IWorkflowStore
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _path;
    private StoreWriter? _writer;
    private ReaderPool? _readers;
    private int _state;

    /// <summary>Initializes a new instance of the <see cref="SqliteWorkflowStore"/> class. Nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options; validated here and copied.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message lists every problem.</exception>
    public SqliteWorkflowStore(SqliteStoreOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SqliteWorkflowStore"/> class. Nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options; validated here and copied.</param>
    /// <param name="timeProvider">The clock used to stamp the schema version record.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message lists every problem.</exception>
    public SqliteWorkflowStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        SqliteStoreOptionsValidator.Validate(options);
        _options = new SqliteStoreOptions
        {
            Path = options.Path,
            Durability = options.Durability,
            BusyTimeout = options.BusyTimeout,
            MaxBatch = options.MaxBatch,
        };
        _timeProvider = timeProvider;
        _path = System.IO.Path.GetFullPath(options.Path);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    /// <exception cref="InvalidOperationException">The store was initialized already.</exception>
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The SQLite store was initialized already; call InitializeAsync once.");
        }

        try
        {
            Open();
        }
        catch
        {
            _state = 0;
            throw;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) == 1)
        {
            // The writer closes last, so that it checkpoints the WAL into the file and removes it.
            _readers?.Dispose();
            _writer?.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Open()
    {
        var folder = System.IO.Path.GetDirectoryName(_path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Cannot open the Cairn store '{_path}': the folder '{folder}' does not exist. Create it, or change SqliteStoreOptions.Path.");
        }

        var exists = StoreFile.Inspect(_path, _options);
        var connection = StoreConnections.Open(_path, _options, create: !exists);
        try
        {
            if (!exists)
            {
                StoreFile.Create(connection, _path, _timeProvider.GetUtcNow());
            }

            _writer = new StoreWriter(connection, _options.MaxBatch, _options.BusyTimeout);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _readers = new ReaderPool(() => new StoreReader(StoreConnections.Open(_path, _options, create: false)), Math.Max(4, Environment.ProcessorCount * 2));
    }

    private StoreWriter Writer => _state == 1 && _writer is { } writer ? writer : throw NotOpen();

    private ReaderPool Readers => _state == 1 && _readers is { } readers ? readers : throw NotOpen();

    private Exception NotOpen() => _state == 2
        ? new ObjectDisposedException(nameof(SqliteWorkflowStore))
        : new InvalidOperationException("The SQLite store is not initialized; call InitializeAsync first.");
}
