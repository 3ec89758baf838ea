using System.Globalization;

namespace Cairn.Cli.Views;

/// <summary>Short human durations: <c>0.4s</c>, <c>12s</c>, <c>3m 05s</c>, <c>2h 10m</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return string.Empty;
        }

        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        return d.TotalSeconds switch
        {
            < 10 => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0}s"),
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalSeconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m {d.Seconds:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes:00}m"),
        };
    }

    public static long? Milliseconds(TimeSpan? duration) => duration is { } d ? (long)Math.Round(d.TotalMilliseconds) : null;
}
