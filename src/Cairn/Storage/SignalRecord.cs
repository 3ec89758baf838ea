namespace Cairn.Storage;

/// <summary>A signal or answer accepted for a run and not yet consumed by it.</summary>
/// <param name="Id">The store-assigned id, increasing in acceptance order.</param>
/// <param name="RunId">The run it was sent to.</param>
/// <param name="Name">The event name (<c>question:{id}</c> for answers).</param>
/// <param name="Payload">The JSON data, or <see langword="null"/>.</param>
/// <param name="At">When it was accepted.</param>
public sealed record SignalRecord(long Id, string RunId, string Name, string? Payload, DateTimeOffset At);
