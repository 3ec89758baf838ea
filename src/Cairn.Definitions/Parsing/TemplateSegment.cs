namespace Cairn.Definitions;

/// <summary>A part of a string split by <see cref="Template.Split"/>: literal text, or the expression of one <c>${{ }}</c> template.</summary>
/// <param name="Text">The literal text, or the expression with surrounding spaces trimmed.</param>
/// <param name="IsExpression">Whether <paramref name="Text"/> is an expression to evaluate.</param>
public sealed record TemplateSegment(string Text, bool IsExpression);
