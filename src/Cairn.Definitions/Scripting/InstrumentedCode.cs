namespace Cairn.Definitions;

/// <summary>Code as the engine runs it (with the sandbox's checks inserted), and the way back to positions in the code as written.</summary>
internal sealed class InstrumentedCode
{
    private readonly SourceText _original;
    private readonly SourceText _instrumented;
    private readonly int _prefixLength;
    private readonly List<(int At, int Length)> _insertions;

    public InstrumentedCode(string original, int prefixLength, string instrumented, List<(int At, int Length)> insertions)
    {
        _original = new SourceText(original);
        _instrumented = new SourceText(instrumented);
        _prefixLength = prefixLength;
        _insertions = insertions;
    }

    /// <summary>Gets the code the engine runs.</summary>
    public string Code => _instrumented.Text;

    /// <summary>Maps a position reported by the engine (1-based line, 0-based column) to a 1-based position in the code as written.</summary>
    public (int Line, int Column) MapBack(int line, int column)
    {
        var offset = _instrumented.OffsetOf(new Jint.Parser.Position { Line = line, Column = column });
        var parsed = offset;
        foreach (var (at, length) in _insertions)
        {
            if (at >= offset)
            {
                break;
            }

            parsed -= Math.Min(length, offset - at);
        }

        return MapParsed(parsed);
    }

    /// <summary>Maps an offset in the parsed text (the code inside its wrapper) to a 1-based position in the code as written.</summary>
    private (int Line, int Column) MapParsed(int parsedOffset)
    {
        var original = Math.Clamp(parsedOffset - _prefixLength, 0, _original.Text.Length);
        var (line, column) = _original.PositionOf(original);
        return (line, column + 1);
    }
}
