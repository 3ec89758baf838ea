using System.Diagnostics.CodeAnalysis;

namespace Cairn.Definitions;

/// <summary>
/// The <c>${{ expr }}</c> templates a string field may embed. A template starts at <c>${{</c> and ends at the first
/// <c>}}</c> after it that is not inside a string or a pair of braces of the expression; the text between is a
/// JavaScript expression.
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
        segments = [];
        if (Scan(text, out var unclosedAt) is not { } raw)
        {
            error = $"the template at character {unclosedAt + 1} is not closed; end it with '{Close}'";
            return false;
        }

        var parts = new List<TemplateSegment>(raw.Count);
        foreach (var (segment, at) in raw)
        {
            if (segment.IsExpression && segment.Text.Trim().Length == 0)
            {
                error = $"the template at character {at + 1} is empty; put an expression between '{Open}' and '{Close}'";
                return false;
            }

            parts.Add(segment.IsExpression ? segment with { Text = segment.Text.Trim() } : segment);
        }

        segments = parts;
        error = null;
        return true;
    }

    /// <summary>
    /// The one splitting rule, shared by validation and rendering: a template ends at the first <c>}}</c> that is not
    /// inside a string or a pair of braces of its expression. Expressions are returned as written (untrimmed, possibly
    /// empty), each with the index of its <c>${{</c>.
    /// </summary>
    /// <param name="text">The string.</param>
    /// <param name="unclosedAt">The index of a <c>${{</c> that is never closed, when the result is <see langword="null"/>.</param>
    /// <returns>The segments, or <see langword="null"/> when a template is not closed.</returns>
    internal static List<(TemplateSegment Segment, int At)>? Scan(string text, out int unclosedAt)
    {
        var parts = new List<(TemplateSegment, int)>();
        unclosedAt = -1;
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((new(text[position..], false), position));
                break;
            }

            if (open > position)
            {
                parts.Add((new(text[position..open], false), position));
            }

            var close = FindClose(text, open + Open.Length);
            if (close < 0)
            {
                unclosedAt = open;
                return null;
            }

            parts.Add((new(text[(open + Open.Length)..close], true), open));
            position = close + Close.Length;
        }

        return parts;
    }

    /// <summary>Finds the <c>}}</c> that closes an expression starting at <paramref name="start"/>, skipping braces and strings inside it.</summary>
    private static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = SkipString(text, i);
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0 && i + 1 < text.Length && text[i + 1] == '}':
                    return i;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return -1;
    }

    private static int SkipString(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[start])
            {
                return i;
            }
        }

        return text.Length;
    }
}
