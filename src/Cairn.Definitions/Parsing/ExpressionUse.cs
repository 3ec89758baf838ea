namespace Cairn.Definitions.Parsing;

/// <summary>An expression (or a script's program) found in a definition.</summary>
/// <param name="Text">The JavaScript text.</param>
/// <param name="Location">Where the string holding it starts.</param>
/// <param name="Where">Names the field for error messages ("'if' of exec step 'build'").</param>
/// <param name="IsProgram">Whether the text is a whole program (a script's code) rather than one expression.</param>
internal sealed record ExpressionUse(string Text, SourceLocation Location, string Where, bool IsProgram = false);
