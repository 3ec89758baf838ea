namespace Cairn.Definitions;

/// <summary>Thrown inside the engine when a sandbox limit is exceeded; JavaScript <c>try</c>/<c>catch</c> cannot catch it.</summary>
internal sealed class ScriptLimitException : Exception
{
    public ScriptLimitException(ScriptErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Gets which limit was exceeded.</summary>
    public ScriptErrorKind Kind { get; }
}
