using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary><c>http</c>: sends a request. Output <c>{status, headers, body}</c>, the body parsed when it is JSON.</summary>
public sealed class HttpStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "http";

    /// <summary>Gets the method (<c>GET</c> unless set).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Gets the absolute URL.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the body: a string is sent as text, anything else as JSON.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Gets the statuses that count as success; empty means any 2xx.</summary>
    public IReadOnlyList<int> ExpectStatus { get; init; } = [];

    /// <inheritdoc/>
    public override bool HasOutsideEffects => true;
}
