namespace Cairn;

/// <summary>How often an error (type and message) was recorded.</summary>
/// <param name="Type">The error's type.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Count">How many times it was recorded.</param>
/// <param name="LastSeen">When it was last recorded.</param>
/// <param name="LastRunId">The run that recorded it last.</param>
public sealed record ErrorCount(string Type, string Message, int Count, DateTimeOffset LastSeen, string LastRunId);
