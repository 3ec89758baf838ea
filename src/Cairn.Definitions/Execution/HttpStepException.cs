namespace Cairn.Definitions;

/// <summary>A request was answered with a status the step does not expect.</summary>
public sealed class HttpStepException : CairnException, IHttpStatusFailure
{
    /// <summary>How much of the body the message and <see cref="BodyStart"/> keep.</summary>
    public const int BodyStartChars = 1000;

    /// <summary>Initializes a new instance of the <see cref="HttpStepException"/> class.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="url">The request's URL.</param>
    /// <param name="statusCode">The status received.</param>
    /// <param name="expected">The statuses expected, described (such as <c>any 2xx</c>).</param>
    /// <param name="body">The response body as text (only its start is kept).</param>
    /// <param name="retryAfter">The delay the server asked for (<c>Retry-After</c>), if any.</param>
    public HttpStepException(string method, string url, int statusCode, string expected, string? body, TimeSpan? retryAfter = null)
        : base(Format(method, url, statusCode, expected, Start(body)))
    {
        StatusCode = statusCode;
        BodyStart = Start(body);
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the status received.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the first <see cref="BodyStartChars"/> characters of the response body (empty when there was none).</summary>
    public string BodyStart { get; }

    /// <summary>Gets the delay the server asked for with <c>Retry-After</c>, or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Start(string? body) =>
        body is null ? string.Empty : body.Length <= BodyStartChars ? body : body[..BodyStartChars] + "...";

    private static string Format(string method, string url, int statusCode, string expected, string body) =>
        $"{method} {url} answered {statusCode}, expected {expected}" + (body.Length == 0 ? string.Empty : $": {body}");
}
