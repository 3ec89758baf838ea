using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cairn.Definitions.Tests.Execution;

/// <summary>A real HTTP server on a loopback port that answers every request with a set response and records what it received.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    private LoopbackServer(int port)
    {
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int Status { get; set; } = 200;

    /// <summary>Gets statuses to answer before <see cref="Status"/>, one request each, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> FirstStatuses { get; } = new();

    /// <summary>Gets how many requests have been answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public string? ContentType { get; set; } = "application/json";

    public string ResponseBody { get; set; } = "{}";

    public Dictionary<string, string> ResponseHeaders { get; } = [];

    public Received? Last { get; private set; }

    public static LoopbackServer Start()
    {
        // A free port is found by binding port 0; another process may take it before the listener does, so try again.
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new LoopbackServer(port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, Close binds the port again to unregister the prefix, and fails if another
        // process took the port in between.
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Last = new Received(
                context.Request.HttpMethod,
                context.Request.Url!.PathAndQuery,
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body);

            var response = context.Response;
            response.StatusCode = FirstStatuses.TryDequeue(out var first) ? first : Status;
            Interlocked.Increment(ref _requests);
            if (ContentType is not null)
            {
                response.ContentType = ContentType;
            }

            foreach (var (name, value) in ResponseHeaders)
            {
                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(ResponseBody);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }

    public sealed record Received(string Method, string Path, Dictionary<string, string> Headers, string Body);
}
