namespace Cairn.Definitions;

/// <summary>Code the sandbox will not run: not valid JavaScript, or using something it forbids. Positions are 1-based.</summary>
internal sealed class ScriptSyntaxError : Exception
{
    public ScriptSyntaxError(string description, int line, int column)
        : base(description)
    {
        Description = description;
        Line = line;
        Column = column;
    }

    /// <summary>Gets what is wrong, without the position.</summary>
    public string Description { get; }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; }
}
