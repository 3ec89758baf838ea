using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cairn.Sqlite.Internal;

/// <summary>Passes a set of workflow names to SQL as one JSON array parameter (read with <c>json_each</c>).</summary>
internal static class WorkflowNames
{
    /// <summary>Encodes names as a JSON array.</summary>
    /// <param name="names">The names.</param>
    /// <returns>For example <c>["order","refund"]</c>.</returns>
    public static string ToJson(IEnumerable<string> names)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var name in names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
