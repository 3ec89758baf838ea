using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Cli;

/// <summary>Reads JSON given on the command line and writes the JSON documents of <c>--json</c>.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document and a new line.</summary>
    public static void Write(TextWriter writer, JsonNode? document) => writer.WriteLine(document?.ToJsonString(WriteOptions) ?? "null");

    /// <summary>Turns stored JSON text into a node to embed as a value (not as a string).</summary>
    public static JsonNode? Embed(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    /// <summary>Parses a JSON value given by the user.</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What it is, for the error, for example <c>--input</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CliException">The text is not valid JSON.</exception>
    public static JsonElement ParseArgument(string text, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{what} is not valid JSON ({e.Message}); pass a JSON value, for example '{{\"name\": \"value\"}}', quoted for your shell.", e);
        }
    }

    /// <summary>Formats a time for JSON: ISO 8601 with offset.</summary>
    public static JsonNode? Time(DateTimeOffset? time) => time is { } t ? JsonValue.Create(t) : null;
}
