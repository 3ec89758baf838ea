namespace Cairn.Definitions;

/// <summary>A script or expression failed: it is not valid, threw, exceeded a limit, or gave a value that is not JSON.</summary>
public sealed class ScriptException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="ScriptException"/> class.</summary>
    /// <param name="kind">Why the script stopped.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="line">The 1-based line in the code as written, when known.</param>
    /// <param name="column">The 1-based column in the code as written, when known.</param>
    /// <param name="innerException">The engine's exception, if any.</param>
    public ScriptException(ScriptErrorKind kind, string message, int? line = null, int? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    /// <summary>Gets why the script stopped.</summary>
    public ScriptErrorKind Kind { get; }

    /// <summary>Gets the 1-based line in the code as written, or <see langword="null"/> when unknown.</summary>
    public int? Line { get; }

    /// <summary>Gets the 1-based column in the code as written, or <see langword="null"/> when unknown.</summary>
    public int? Column { get; }
}
