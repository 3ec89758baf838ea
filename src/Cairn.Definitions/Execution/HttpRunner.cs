using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>
/// Sends the request of an <c>http</c> step and reads the answer (the body up to <see cref="MaxResponseBytes"/>).
/// A status outside the expected ones throws <see cref="HttpStepException"/>.
/// </summary>
public sealed partial class HttpRunner
{
    /// <summary>The default of <see cref="MaxResponseBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxResponseBytes = 1024 * 1024;

    private readonly HttpClient _client;

    /// <summary>Initializes a new instance of the <see cref="HttpRunner"/> class.</summary>
    /// <param name="client">The client that sends the requests (its timeout, redirects and proxy apply).</param>
    /// <param name="maxResponseBytes">The largest body read; see <see cref="MaxResponseBytes"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResponseBytes"/> is not positive.</exception>
    public HttpRunner(HttpClient client, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBytes);
        _client = client;
        MaxResponseBytes = maxResponseBytes;
    }

    /// <summary>Gets the largest response body read, in bytes; a larger body fails the step.</summary>
    /// <value>1,048,576 unless set.</value>
    public int MaxResponseBytes { get; }

    /// <summary>Sends the request and reads the answer.</summary>
    /// <param name="spec">What to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, headers and body.</returns>
    /// <exception cref="StepExecutionException">The method or URL is not valid, the request could not be sent, no answer came within the client's timeout, or the body is larger than <see cref="MaxResponseBytes"/>.</exception>
    /// <exception cref="HttpStepException">The status is not an expected one.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<HttpResult> SendAsync(HttpRequestSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var request = BuildRequest(spec);
        var what = $"{request.Method} {spec.Url}";
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new StepExecutionException($"{what} failed before an answer came: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StepExecutionException(
                string.Create(CultureInfo.InvariantCulture, $"{what} got no answer within {_client.Timeout.TotalSeconds:0.###} s (HttpClient.Timeout)"),
                e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var headers = Headers(response);
            var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            if (!IsExpected(status, spec.ExpectStatus))
            {
                // The start of the body is enough to say what went wrong, even when the whole is too large.
                throw new HttpStepException(request.Method.Method, spec.Url, status, DescribeExpected(spec.ExpectStatus), body.Text, RetryAfter(response));
            }

            if (body.TooLarge)
            {
                throw new StepExecutionException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what} answered with a body larger than the {MaxResponseBytes:N0}-byte limit (HttpRunner.MaxResponseBytes); ask for less data or raise the limit"));
            }

            return new HttpResult(status, headers, ParseBody(body.Text, body.MediaType));
        }
    }

    private static HttpRequestMessage BuildRequest(HttpRequestSpec spec)
    {
        if (!Uri.TryCreate(spec.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new StepExecutionException($"'{spec.Url}' is not a valid URL; give an absolute http:// or https:// URL");
        }

        HttpMethod method;
        try
        {
            method = HttpMethod.Parse(string.IsNullOrWhiteSpace(spec.Method) ? "GET" : spec.Method.Trim().ToUpperInvariant());
        }
        catch (FormatException e)
        {
            throw new StepExecutionException($"'{spec.Method}' is not a valid HTTP method; use GET, POST, PUT, PATCH, DELETE, ...", e);
        }

        var request = new HttpRequestMessage(method, uri);
        string? contentType = null;
        foreach (var (name, value) in spec.Headers ?? new Dictionary<string, string>())
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                // A content header (Content-Language, ...): it goes on the body.
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (spec.Body is not null)
        {
            var isText = spec.Body is JsonValue value && value.TryGetValue<string>(out _);
            var text = isText ? spec.Body.GetValue<string>() : spec.Body.ToJsonString();
            var previous = request.Content;
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            foreach (var header in previous?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            previous?.Dispose();
            contentType ??= isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
        }

        if (contentType is not null && request.Content is not null)
        {
            request.Content.Headers.Remove("Content-Type");
            if (!request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType))
            {
                throw new StepExecutionException($"'{contentType}' is not a valid Content-Type header");
            }
        }

        return request;
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var key = name.ToLowerInvariant();
            var joined = string.Join(", ", values);
            headers[key] = headers.TryGetValue(key, out var earlier) ? earlier + ", " + joined : joined;
        }

        return headers;
    }

    private static bool IsExpected(int status, IReadOnlyList<int>? expected) =>
        expected is { Count: > 0 } ? expected.Contains(status) : status is >= 200 and <= 299;

    private static string DescribeExpected(IReadOnlyList<int>? expected) =>
        expected is { Count: > 0 } ? string.Join(" or ", expected) : "any 2xx";

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is not { } retry ? null
        : retry.Delta is { } delta ? delta
        : retry.Date is { } date && response.Headers.Date is { } now ? date - now
        : null;

    private static JsonNode? ParseBody(string? text, string? mediaType)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IsJson(mediaType))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: the text is what the step gets.
            }
        }

        return JsonValue.Create(text);
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
