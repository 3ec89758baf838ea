using System.Text.Json.Serialization;

namespace Cairn;

/// <summary>A failure stored as data: what was thrown, its message, stack trace and cause.</summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="StackTrace">The stack trace, if any.</param>
/// <param name="Inner">The inner failure, if any.</param>
public sealed record FailureInfo(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("stackTrace")] string? StackTrace = null,
    [property: JsonPropertyName("inner")] FailureInfo? Inner = null)
{
    /// <summary>Captures an exception (and its inner exceptions) as data.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The failure. A <see cref="StepFailedException"/> replayed from the journal has its recorded failure as inner failure, as it had live.</returns>
    public static FailureInfo From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception.InnerException is { } e ? From(e) : (exception as StepFailedException)?.Failure;
        return new FailureInfo(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }
}
