using System.Collections.Concurrent;
using System.Text.Json;

namespace Cairn.Tests.Support;

/// <summary>Step bodies that record which of them ran, and fail while <see cref="Fail"/> says so.</summary>
public sealed class StepLog
{
    private readonly ConcurrentQueue<string> _ran = new();
    private readonly ConcurrentDictionary<string, Func<Exception>> _failing = new(StringComparer.Ordinal);

    /// <summary>Gets the names of the bodies that ran, in order.</summary>
    public IReadOnlyList<string> Ran => _ran.ToArray();

    /// <summary>Makes a step's body throw what <paramref name="error"/> makes (default: InvalidOperationException).</summary>
    public void Fail(string name, Func<Exception>? error = null) => _failing[name] = error ?? (() => new InvalidOperationException($"{name} broke"));

    /// <summary>Lets every body succeed again.</summary>
    public void Heal() => _failing.Clear();

    /// <summary>Forgets the bodies that ran so far.</summary>
    public void Clear() => _ran.Clear();

    public Func<StepContext, T> Body<T>(string name, Func<T> result) => _ =>
    {
        _ran.Enqueue(name);
        return _failing.TryGetValue(name, out var error) ? throw error() : result();
    };

    public static JsonElement Json(object? value) => JsonSerializer.SerializeToElement(value);
}
