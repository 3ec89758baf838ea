namespace Cairn.Definitions.Parsing;

/// <content>Numbers and durations.</content>
internal static partial class Values
{
    /// <summary>Reads a whole number in a range.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The number, or <see langword="null"/> when absent or not acceptable.</returns>
    public static int? Integer(ParseContext context, Node? node, string what, int minimum = 1, int maximum = int.MaxValue)
    {
        if (node is null)
        {
            return null;
        }

        var range = minimum == 1 && maximum == int.MaxValue ? "a positive whole number" : $"a whole number from {minimum} to {maximum}";
        if (node is ScalarNode scalar && scalar.TryGetInt64(out var number) && number >= minimum && number <= maximum)
        {
            return (int)number;
        }

        var written = node is ScalarNode { Kind: not ScalarKind.Null } text ? $"'{text.Value}'" : node.KindText;
        context.Error(node, $"{what} must be {range} such as {Math.Max(minimum, 3)}, not {written}{(node is ScalarNode { Kind: ScalarKind.String } quoted && long.TryParse(quoted.Value, out _) ? "; remove the quotes" : "")}");
        return null;
    }

    /// <summary>Reads a number no smaller than a minimum.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <returns>The number, or <see langword="null"/> when absent or not acceptable.</returns>
    public static double? Number(ParseContext context, Node? node, string what, double minimum)
    {
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode scalar && scalar.TryGetDouble(out var number) && number >= minimum)
        {
            return number;
        }

        var written = node is ScalarNode { Kind: not ScalarKind.Null } text ? $"'{text.Value}'" : node.KindText;
        context.Error(node, $"{what} must be a number of at least {minimum}, such as 2, not {written}");
        return null;
    }

    /// <summary>Reads a fixed duration (no templates), such as <c>30s</c>.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="allowZero">Whether <c>0s</c> is acceptable.</param>
    /// <returns>The duration, or <see langword="null"/> when absent or not acceptable.</returns>
    public static TimeSpan? FixedDuration(ParseContext context, Node? node, string what, bool allowZero)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } scalar && Template.Contains(scalar.Value))
        {
            context.Error(node, $"{what} must be a fixed duration such as 30s; templates are not accepted here");
            return null;
        }

        var text = DurationText(context, node, what);
        if (text is null)
        {
            return null;
        }

        var value = Duration.Parse(text);
        if (value == TimeSpan.Zero && !allowZero)
        {
            context.Error(node!, $"{what} must be longer than 0; write a duration such as 30s");
            return null;
        }

        return value;
    }

    /// <summary>Reads a duration that may instead be a template, expanded and parsed when the step runs.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <returns>The text as written, or <see langword="null"/> when absent or not acceptable.</returns>
    public static string? DurationOrTemplate(ParseContext context, Node? node, string what)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } scalar && Template.Contains(scalar.Value))
        {
            return Text(context, node, what);
        }

        return DurationText(context, node, what);
    }

    private static string? DurationText(ParseContext context, Node? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.String } scalar when Duration.TryParse(scalar.Value, out _):
                return scalar.Value;
            case ScalarNode { Kind: ScalarKind.Int } number:
                context.Error(node, $"{what} needs a unit: write {number.Value}s for seconds ({Duration.Hint})");
                return null;
            case ScalarNode { Kind: ScalarKind.String } text:
                context.Error(node, $"'{text.Value}' in {what} is not a duration; {Duration.Hint}");
                return null;
            default:
                context.Error(node, $"{what} must be a duration, not {node.KindText}; {Duration.Hint}");
                return null;
        }
    }
}
