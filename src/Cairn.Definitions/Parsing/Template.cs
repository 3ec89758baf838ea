using System.Diagnostics.CodeAnalysis;

namespace Cairn.Definitions;

/// <summary>
/// The <c>${{ expr }}</c> templates a string field may embed. A template starts at <c>${{</c> and ends at the first
/// <c>}}</c> after it; the text between is a JavaScript expression.
/// </summary>
public static class Template
{
    /// <summary>The text that opens a template.</summary>
    public const string Open = "${{";

    /// <summary>The text that closes a template.</summary>
    public const string Close = "}}";

    /// <summary>Tells whether a string holds a template.</summary>
    /// <param name="text">The string.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> contains <c>${{</c>.</returns>
    public static bool Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Open, StringComparison.Ordinal);
    }

    /// <summary>Tells whether a whole string (spaces around it aside) is one template, and gives its expression.</summary>
    /// <param name="text">The string.</param>
    /// <param name="expression">The expression, trimmed, when the string is one template.</param>
    /// <returns>Whether the string is exactly one template.</returns>
    public static bool TryGetSingleExpression(string text, [NotNullWhen(true)] out string? expression)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        var trimmed = text.Trim();
        if (!TrySplit(trimmed, out var segments, out _) || segments.Count != 1 || !segments[0].IsExpression)
        {
            return false;
        }

        expression = segments[0].Text;
        return true;
    }

    /// <summary>Splits a string into literal text and template expressions, in order.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The segments; a string without templates gives one literal segment (none when it is empty).</returns>
    /// <exception cref="FormatException">A template is not closed, or holds no expression.</exception>
    public static IReadOnlyList<TemplateSegment> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TrySplit(text, out var segments, out var error) ? segments : throw new FormatException(error);
    }

    /// <summary>Splits a string like <see cref="Split"/>, reporting a malformed template instead of throwing.</summary>
    /// <param name="text">The string.</param>
    /// <param name="segments">The segments, when well-formed.</param>
    /// <param name="error">What is wrong and how to fix it, when not.</param>
    /// <returns>Whether every template is well-formed.</returns>
    internal static bool TrySplit(string text, out IReadOnlyList<TemplateSegment> segments, [NotNullWhen(false)] out string? error)
    {
        var parts = new List<TemplateSegment>();
        segments = parts;
        error = null;
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new(text[position..], false));
                break;
            }

            if (open > position)
            {
                parts.Add(new(text[position..open], false));
            }

            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"the template at character {open + 1} is not closed; end it with '{Close}'";
                return false;
            }

            var expression = text[(open + Open.Length)..close].Trim();
            if (expression.Length == 0)
            {
                error = $"the template at character {open + 1} is empty; put an expression between '{Open}' and '{Close}'";
                return false;
            }

            parts.Add(new(expression, true));
            position = close + Close.Length;
        }

        return true;
    }
}
