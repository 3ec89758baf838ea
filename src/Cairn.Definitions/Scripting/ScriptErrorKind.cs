namespace Cairn.Definitions;

/// <summary>Why a script or expression stopped.</summary>
public enum ScriptErrorKind
{
    /// <summary>The code is not valid JavaScript, or uses something the sandbox does not allow (such as <c>with</c>).</summary>
    Syntax,

    /// <summary>The code threw an error, or the engine raised one (a <c>TypeError</c>, a <c>ReferenceError</c>, ...).</summary>
    Runtime,

    /// <summary>The evaluation ran longer than <see cref="ScriptLimits.Timeout"/>.</summary>
    Timeout,

    /// <summary>The evaluation executed more than <see cref="ScriptLimits.MaxStatements"/> statements.</summary>
    StatementLimit,

    /// <summary>Calls nested deeper than <see cref="ScriptLimits.MaxRecursionDepth"/>, or than the sandbox's stack allows.</summary>
    RecursionLimit,

    /// <summary>The script's values grew beyond <see cref="ScriptLimits.MaxMemoryBytes"/>.</summary>
    MemoryLimit,

    /// <summary>The result is larger than <see cref="ScriptLimits.MaxOutputBytes"/> as JSON.</summary>
    OutputTooLarge,

    /// <summary>The result cannot be represented as JSON (a function, or a value that refers to itself).</summary>
    NotJson,
}
