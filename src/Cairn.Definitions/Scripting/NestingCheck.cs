namespace Cairn.Definitions;

/// <summary>
/// Finds text nested too deeply before a recursive parser sees it: brackets outside strings and comments, and long
/// runs of prefix operators (<c>!!!!…</c>). Deeper text would exhaust the parser's stack, which no handler can catch.
/// </summary>
internal static class NestingCheck
{
    /// <summary>The deepest nesting of code or JSON the sandbox accepts.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Gets the offset where <paramref name="text"/> first nests deeper than <see cref="MaxDepth"/>, or -1.</summary>
    /// <param name="text">The text.</param>
    /// <param name="javascript">Whether the text is JavaScript (single quotes and comments) rather than JSON.</param>
    public static int FindTooDeep(string text, bool javascript)
    {
        var depth = 0;
        var operators = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || (javascript && c == '\''))
            {
                i = SkipString(text, i);
                operators = 0;
            }
            else if (javascript && c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                i = SkipComment(text, i);
            }
            else if (c is '(' or '[' or '{')
            {
                if (++depth > MaxDepth)
                {
                    return i;
                }

                operators = 0;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
                operators = 0;
            }
            else if (javascript && c is '!' or '~' or '+' or '-')
            {
                if (++operators > MaxDepth)
                {
                    return i;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                operators = 0;
            }
        }

        return -1;
    }

    private static int SkipString(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote || SourceText.IsLineTerminator(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int SkipComment(string text, int start)
    {
        if (text[start + 1] == '/')
        {
            var i = start;
            while (i < text.Length && !SourceText.IsLineTerminator(text[i]))
            {
                i++;
            }

            return i;
        }

        var end = text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 1;
    }
}
