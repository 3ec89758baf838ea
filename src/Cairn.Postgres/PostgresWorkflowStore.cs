using Cairn.Postgres.Internal;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres;

/// <summary>
/// A durable store in a PostgreSQL database, shared by every host on every machine that opens it. Hosts claim runs
/// with <c>FOR UPDATE SKIP LOCKED</c> and a lease; every commit checks that its host still owns the run, so a host
/// that froze past its lease cannot append after another took the run over. Concurrent commits of one process are
/// grouped into one transaction.
/// </summary>
/// <remarks>
/// <para>The tables live in their own schema (<see cref="PostgresStoreOptions.Schema"/>, <c>cairn</c> by default), which
/// <see cref="InitializeAsync"/> creates or migrates under an advisory lock, so many hosts may start at once.</para>
/// <para>Times are stored as UTC ticks: every instant round-trips exactly and comes back with a zero offset.</para>
/// </remarks>
public sealed partial class PostgresWorkflowStore : IWorkflowStore
{
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly NpgsqlDataSource _source;
    private CommitWriter? _writer;
    private int _state;

    /// <summary>Initializes a new instance of the <see cref="PostgresWorkflowStore"/> class. Nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options; validated here and copied.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message lists every problem.</exception>
    public PostgresWorkflowStore(PostgresStoreOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PostgresWorkflowStore"/> class. Nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options; validated here and copied.</param>
    /// <param name="timeProvider">The clock used to stamp the schema version record.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message lists every problem.</exception>
    public PostgresWorkflowStore(PostgresStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        PostgresStoreOptionsValidator.Validate(options);
        _options = new PostgresStoreOptions
        {
            ConnectionString = options.ConnectionString,
            Schema = options.Schema,
            MaxBatch = options.MaxBatch,
            TransientRetries = options.TransientRetries,
        };
        _timeProvider = timeProvider;
        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        if (connection.MaxAutoPrepare == 0)
        {
            // The same few statements run for every step: let Npgsql prepare them once per connection.
            connection.MaxAutoPrepare = 64;
        }

        _source = NpgsqlDataSource.Create(connection);
    }

    /// <summary>Gets the schema that holds the store's tables.</summary>
    public string Schema => _options.Schema;

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">The store was initialized already.</exception>
    public async ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The PostgreSQL store was initialized already; call InitializeAsync once.");
        }

        try
        {
            var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await SchemaMigrator.MigrateAsync(connection, _options.Schema, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            _writer = new CommitWriter(_source, _options.MaxBatch);
        }
        catch
        {
            _state = 0;
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) != 2)
        {
            await StopListeningAsync().ConfigureAwait(false);
            _writer?.Dispose();
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private CommitWriter Writer => _state == 1 && _writer is { } writer ? writer : throw NotOpen();

    private NpgsqlDataSource Source => _state == 1 ? _source : throw NotOpen();

    private Exception NotOpen() => _state == 2
        ? new ObjectDisposedException(nameof(PostgresWorkflowStore))
        : new InvalidOperationException("The PostgreSQL store is not initialized; call InitializeAsync first.");
}
