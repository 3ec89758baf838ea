namespace Cairn;

/// <summary>The mean and percentiles of a set of durations.</summary>
/// <param name="Count">How many durations there are.</param>
/// <param name="Mean">The mean, or <see langword="null"/> when there are none.</param>
/// <param name="P50">The median (nearest rank), or <see langword="null"/>.</param>
/// <param name="P95">The 95th percentile (nearest rank), or <see langword="null"/>.</param>
public sealed record DurationSummary(int Count, TimeSpan? Mean, TimeSpan? P50, TimeSpan? P95)
{
    /// <summary>Gets the summary of no durations.</summary>
    public static DurationSummary Empty { get; } = new(0, null, null, null);

    /// <summary>Summarizes durations.</summary>
    /// <param name="durations">The durations.</param>
    /// <returns>The summary.</returns>
    public static DurationSummary Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        var mean = TimeSpan.FromTicks((long)sorted.Average(d => (double)d.Ticks));
        return new DurationSummary(sorted.Length, mean, Rank(sorted, 0.50), Rank(sorted, 0.95));
    }

    private static TimeSpan Rank(TimeSpan[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
