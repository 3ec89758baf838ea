namespace Cairn.Storage;

/// <summary>A signal a commit delivers to another run.</summary>
/// <param name="RunId">The receiving run.</param>
/// <param name="Name">The event name.</param>
/// <param name="Payload">The JSON data.</param>
public sealed record OutgoingSignal(string RunId, string Name, string? Payload);
