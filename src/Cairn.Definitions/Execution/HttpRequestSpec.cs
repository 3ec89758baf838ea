using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>A request to send: what <see cref="HttpRunner"/> sends for an <c>http</c> step.</summary>
/// <param name="Method">The method, such as <c>GET</c> or <c>POST</c>.</param>
/// <param name="Url">The absolute <c>http</c> or <c>https</c> URL.</param>
/// <param name="Headers">The request headers, or <see langword="null"/>.</param>
/// <param name="Body">The body: a JSON string is sent as text (<c>text/plain</c>), anything else as JSON (<c>application/json</c>), unless a <c>Content-Type</c> header says otherwise; <see langword="null"/> for no body.</param>
/// <param name="ExpectStatus">The statuses that count as success, or <see langword="null"/> (or empty) for any 2xx.</param>
public sealed record HttpRequestSpec(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string>? Headers = null,
    JsonNode? Body = null,
    IReadOnlyList<int>? ExpectStatus = null);
