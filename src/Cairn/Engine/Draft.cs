using Cairn.Journal;

namespace Cairn.Engine;

/// <summary>A journal entry before it is numbered; sequences are assigned when the commit is handed to the store.</summary>
internal readonly record struct Draft(JournalEntryKind Kind, string? Position, string? Name, string? Payload, int Attempt = 0, DateTimeOffset? StartedAt = null);
