using Jint.Parser;

namespace Cairn.Definitions;

/// <summary>Source code with its line starts, counted the way the JavaScript parser counts them.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (IsLineTerminator(c))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    /// <summary>Gets the offset of a parser position (1-based line, 0-based column).</summary>
    public int OffsetOf(Position position) =>
        Math.Min(Text.Length, _lineStarts[Math.Clamp(position.Line - 1, 0, _lineStarts.Count - 1)] + position.Column);

    /// <summary>Gets the 1-based line and 0-based column of an offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line]);
    }

    /// <summary>Gets the first offset at or after <paramref name="offset"/> that is not whitespace or a comment.</summary>
    public int SkipTrivia(int offset)
    {
        while (offset < Text.Length)
        {
            var c = Text[offset];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                offset++;
            }
            else if (c == '/' && offset + 1 < Text.Length && Text[offset + 1] == '/')
            {
                while (offset < Text.Length && !IsLineTerminator(Text[offset]))
                {
                    offset++;
                }
            }
            else if (c == '/' && offset + 1 < Text.Length && Text[offset + 1] == '*')
            {
                var end = Text.IndexOf("*/", offset + 2, StringComparison.Ordinal);
                offset = end < 0 ? Text.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return offset;
    }

    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';
}
