using System.Diagnostics.CodeAnalysis;

namespace Cairn.Definitions;

/// <summary>
/// Durations as definitions write them: whole numbers with units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c> and
/// <c>ms</c>, largest unit first, each unit at most once: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>,
/// <c>1d</c>, <c>1h30m</c>.
/// </summary>
public static class Duration
{
    private static readonly (string Unit, long Milliseconds)[] Units =
    [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ];

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text, such as <c>1h30m</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a duration.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a duration; {Hint}");
    }

    /// <summary>Parses a duration without throwing.</summary>
    /// <param name="text">The text, such as <c>1h30m</c>.</param>
    /// <param name="value">The duration, when the text is one.</param>
    /// <returns>Whether <paramref name="text"/> is a duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        long total = 0;
        var position = 0;
        var nextUnit = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            long number = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (number > (TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond) / 10)
                {
                    return false;
                }

                number = (number * 10) + (text[position++] - '0');
            }

            var unit = ReadUnit(text, position, nextUnit);
            if (position == digitsStart || unit < 0)
            {
                return false;
            }

            position += Units[unit].Unit.Length;
            nextUnit = unit + 1;
            if (number > (long.MaxValue / TimeSpan.TicksPerMillisecond - total) / Units[unit].Milliseconds)
            {
                return false;
            }

            total += number * Units[unit].Milliseconds;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Writes a duration as definitions do (<c>1h30m</c>, <c>500ms</c>), to whole milliseconds; zero is <c>0s</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    internal static string Format(TimeSpan value)
    {
        var left = (long)value.TotalMilliseconds;
        if (left <= 0)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        foreach (var (unit, milliseconds) in Units)
        {
            if (left >= milliseconds)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{left / milliseconds}{unit}");
                left %= milliseconds;
            }
        }

        return text.ToString();
    }

    /// <summary>Gets how to write a duration, for error messages.</summary>
    internal static string Hint => "write whole numbers with the units d, h, m, s or ms, largest first, such as 500ms, 30s, 5m or 1h30m";

    private static int ReadUnit(string text, int position, int firstAllowed)
    {
        // "ms" is tried before "m" so that 5ms is not read as 5 minutes followed by an 's'.
        foreach (var index in new[] { 4, 0, 1, 2, 3 })
        {
            var unit = Units[index].Unit;
            if (index >= firstAllowed && string.CompareOrdinal(text, position, unit, 0, unit.Length) == 0)
            {
                return index;
            }
        }

        return -1;
    }
}
