using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on the store's wake channel and reports each notification's run id. When the
/// connection fails it reconnects with a growing pause (up to <see cref="MaxPause"/>) and then reports a wakeup for
/// every run, since notifications sent while it was away are lost; the hosts' polling covers the gap meanwhile.
/// </summary>
internal sealed class WakeListener : IAsyncDisposable
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    private readonly NpgsqlDataSource _source;
    private readonly string _channel;
    private readonly Action<string?> _woken;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WakeListener(NpgsqlDataSource source, string schema, Action<string?> woken)
    {
        _source = source;
        _channel = StoreSchema.WakeChannel(schema);
        _woken = woken;
        _loop = Task.Run(() => ListenAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(200);
        var listenedBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, e) => _woken(e.Payload.Length == 0 ? null : e.Payload);
                    var listen = new NpgsqlCommand($"LISTEN \"{_channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                    await using (listen.ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (listenedBefore)
                    {
                        _woken(null);
                    }

                    listenedBefore = true;

                    pause = TimeSpan.FromMilliseconds(200);
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }
}
