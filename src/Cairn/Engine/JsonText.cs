using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cairn.Engine;

/// <summary>Settings for the JSON Cairn writes itself (wait, state and child payloads): readable, with relaxed escaping.</summary>
internal static class JsonText
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
