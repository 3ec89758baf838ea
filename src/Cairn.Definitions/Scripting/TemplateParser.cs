namespace Cairn.Definitions;

/// <summary>Splits text into literal parts and <c>${{ expression }}</c> parts.</summary>
internal static class TemplateParser
{
    public const string Open = "${{";
    public const string Close = "}}";

    /// <summary>A literal run of text, or the expression between <c>${{</c> and <c>}}</c>.</summary>
    public readonly record struct Part(string Text, bool IsExpression);

    /// <summary>Splits <paramref name="template"/>; <see langword="null"/> when a <c>${{</c> has no closing <c>}}</c> (<paramref name="problem"/> says where).</summary>
    public static List<Part>? TrySplit(string template, out string? problem)
    {
        var parts = new List<Part>();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new Part(template[at..], false));
                break;
            }

            if (open > at)
            {
                parts.Add(new Part(template[at..open], false));
            }

            var close = FindClose(template, open + Open.Length);
            if (close < 0)
            {
                problem = $"the '{Open}' at column {open + 1} has no closing '{Close}'";
                return null;
            }

            parts.Add(new Part(template[(open + Open.Length)..close], true));
            at = close + Close.Length;
        }

        problem = null;
        return parts;
    }

    /// <summary>Gets the expression when <paramref name="parts"/> are one expression with at most whitespace around it.</summary>
    public static string? Single(List<Part> parts)
    {
        var expressions = parts.Where(p => p.IsExpression).ToList();
        return expressions.Count == 1 && parts.All(p => p.IsExpression || string.IsNullOrWhiteSpace(p.Text)) ? expressions[0].Text : null;
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
