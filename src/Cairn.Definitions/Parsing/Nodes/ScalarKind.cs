namespace Cairn.Definitions.Parsing;

/// <summary>What a scalar resolves to under the YAML 1.2 core schema (which JSON values match exactly).</summary>
internal enum ScalarKind
{
    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary>A number with a fraction or an exponent.</summary>
    Float,

    /// <summary>Text: quoted, block, tagged <c>!!str</c>, or plain text that is none of the above.</summary>
    String,
}
