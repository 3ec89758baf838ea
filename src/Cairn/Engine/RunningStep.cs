namespace Cairn.Engine;

/// <summary>A step whose body is executing now in this host.</summary>
internal sealed record RunningStep(string Name, DateTimeOffset StartedAt, int Attempt);
