namespace Cairn.Engine;

/// <summary>How a wait ended: the delivered JSON data, or a time-out.</summary>
internal readonly record struct WaitResult(string? Data, bool TimedOut);
