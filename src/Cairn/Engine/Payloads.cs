using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cairn.Engine;

/// <summary>Turns values into stored JSON and back, enforcing the payload size limit.</summary>
internal sealed class Payloads(JsonSerializerOptions options, int maxBytes)
{
    public JsonSerializerOptions Options { get; } = options;

    public int MaxBytes { get; } = maxBytes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Serialize<T>(T value, PayloadSubject what)
    {
        string json;
        try
        {
            json = JsonSerializer.Serialize(value, Options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new PayloadException($"{what} cannot be stored: a value of type {value?.GetType().FullName ?? typeof(T).FullName} cannot be serialized to JSON ({e.Message}). Return a plain data type (records, lists, numbers, strings) or configure CairnOptions.SerializerOptions. Nothing was written.", e);
        }

        if (json.Length > MaxBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            throw new PayloadException($"{what} is {System.Text.Encoding.UTF8.GetByteCount(json)} bytes of JSON; the limit is {MaxBytes} bytes (CairnOptions.MaxPayloadBytes). Store large data elsewhere and pass a reference. Nothing was written.");
        }

        return json;
    }

    public T Deserialize<T>(string? json) =>
        json is null ? default! : JsonSerializer.Deserialize<T>(json, Options)!;

    public object? Deserialize(string? json, Type type) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, Options);
}
