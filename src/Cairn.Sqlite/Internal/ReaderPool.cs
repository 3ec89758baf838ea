using System.Collections.Concurrent;

namespace Cairn.Sqlite.Internal;

/// <summary>Keeps a few idle read connections for reuse; opens more under load and closes the extras.</summary>
internal sealed class ReaderPool : IDisposable
{
    private readonly Func<StoreReader> _open;
    private readonly int _maxIdle;
    private readonly ConcurrentBag<StoreReader> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="ReaderPool"/> class.</summary>
    /// <param name="open">Opens a new reader.</param>
    /// <param name="maxIdle">The most idle readers to keep.</param>
    public ReaderPool(Func<StoreReader> open, int maxIdle)
    {
        _open = open;
        _maxIdle = maxIdle;
    }

    /// <summary>Runs reads on a pooled connection, in one snapshot.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="read">The reads.</param>
    /// <returns>The result.</returns>
    public T Read<T>(Func<RunQueries, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StoreReader reader;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = idle;
        }
        else
        {
            reader = _open();
        }

        try
        {
            return reader.InSnapshot(read);
        }
        finally
        {
            Return(reader);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private void Return(StoreReader reader)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
            return;
        }

        _idle.Add(reader);

        // Dispose may have run meanwhile and missed this reader.
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
