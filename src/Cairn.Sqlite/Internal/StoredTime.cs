namespace Cairn.Sqlite.Internal;

/// <summary>
/// How times are stored: as INTEGER UTC ticks (100 ns), so comparisons in SQL are plain integer comparisons and
/// every instant round-trips exactly. Values come back with a zero offset.
/// </summary>
internal static class StoredTime
{
    /// <summary>Converts a time to its stored form.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The UTC ticks.</returns>
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    /// <summary>Converts a stored time back.</summary>
    /// <param name="ticks">The UTC ticks.</param>
    /// <returns>The time, in UTC.</returns>
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
