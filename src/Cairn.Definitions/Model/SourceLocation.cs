namespace Cairn.Definitions;

/// <summary>A place in a definition file; lines and columns count from 1.</summary>
/// <param name="File">The file name as the user gave it.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
