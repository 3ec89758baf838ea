using Cairn.Definitions.Parsing;
using Jint.Parser;
using Jint.Parser.Ast;

namespace Cairn.Definitions.Validation;

/// <summary>
/// Checks every expression and script of a definition once all of it is read: that it parses as JavaScript
/// (ES5, the dialect the sandbox runs), that the step ids it reads exist, and that it reads only allowed
/// environment variables.
/// </summary>
internal static class ExpressionValidator
{
    /// <summary>Checks the expressions the context collected and reports problems to it.</summary>
    /// <param name="context">The context of a definition read in full.</param>
    public static void Validate(ParseContext context)
    {
        ReportDuplicateIds(context);
        var ids = context.StepIds.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var use in context.Expressions)
        {
            var program = ParseUse(use, out var error);
            if (program is null)
            {
                context.Error(use.Location, error!);
                continue;
            }

            foreach (var reference in ReferenceFinder.Find(program))
            {
                if (Check(reference, use, ids, context.EnvNames) is { } problem)
                {
                    context.Error(use.Location, problem);
                }
            }
        }
    }

    private static void ReportDuplicateIds(ParseContext context)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (id, location) in context.StepIds)
        {
            if (!first.TryAdd(id, location))
            {
                var other = first[id];
                context.Error(location, $"step id '{id}' is already used by the step at line {other.Line}, column {other.Column}; ids must be unique in the whole definition, nested steps included, so rename one of them");
            }
        }
    }

    private static Program? ParseUse(ExpressionUse use, out string? error)
    {
        error = null;
        var source = use.IsProgram ? use.Text : "(" + use.Text + "\n)";
        try
        {
            var program = new JavaScriptParser().Parse(source);
            if (!use.IsProgram && !IsSingleExpression(use.Text))
            {
                error = $"{use.Where} is not a single expression: '{use.Text}'; check that its brackets are balanced";
                return null;
            }

            return program;
        }
        catch (ParserException exception)
        {
            error = Describe(use, exception);
            return null;
        }
    }

    private static string Describe(ExpressionUse use, ParserException exception)
    {
        var kind = use.IsProgram ? "code" : "expression";
        var column = exception.LineNumber == 1 && !use.IsProgram ? exception.Column - 1 : exception.Column;
        var problem = $"{exception.Description.TrimEnd('.')} at line {exception.LineNumber}, column {column} of the {kind}";
        if (!use.IsProgram && exception.Index > use.Text.Length)
        {
            // The error is in the closing parenthesis added around the expression: either the expression is
            // incomplete, or a stray ')' inside it closed that parenthesis early; the bare text tells which.
            var inside = ParseError(use.Text);
            problem = inside is not null && inside.Index < use.Text.Length
                ? $"{inside.Description.TrimEnd('.')} at line {inside.LineNumber}, column {inside.Column} of the expression"
                : "the expression ends too early";
        }

        var shown = use.IsProgram ? "" : $" ('{use.Text}')";
        return $"{use.Where} does not parse: {problem}{shown}; {Hint(use.Text)}";
    }

    private static ParserException? ParseError(string source)
    {
        try
        {
            new JavaScriptParser().Parse(source);
            return null;
        }
        catch (ParserException exception)
        {
            return exception;
        }
    }

    private static string Hint(string text) =>
        new[] { "=>", "`", "let ", "const ", "?.", "??", "class ", "async ", "..." }.Any(token => text.Contains(token, StringComparison.Ordinal))
            ? "the sandbox runs ES5 JavaScript, so rewrite arrow functions, template literals, let/const, ?., ?? and spreads in ES5"
            : "fix the JavaScript (check brackets, quotes and operators)";

    // Wrapping in parentheses lets 'a) + (b' through; the same text must also stand as one array element.
    private static bool IsSingleExpression(string text) => ParseError("[" + text + "\n]") is null;

    private static string? Check(Reference reference, ExpressionUse use, HashSet<string> ids, HashSet<string> envNames)
    {
        switch (reference.Root)
        {
            case "steps" when !ids.Contains(reference.Name):
                return $"{use.Where} reads steps.{reference.Name}, but no step has the id '{reference.Name}'; {(Suggest.Closest(reference.Name, ids) is { } id ? $"did you mean '{id}'?" : "use the id of a step of this definition")}";
            case "steps" when reference.Member is { } member && member is not ("output" or "status"):
                return $"{use.Where} reads steps.{reference.Name}.{member}, but a step offers only output and status; {(Suggest.Closest(member, ["output", "status"]) is { } known ? $"did you mean '{known}'?" : $"write steps.{reference.Name}.output.{member} to read a field of its output")}";
            case "env" when !envNames.Contains(reference.Name):
                return $"{use.Where} reads env.{reference.Name}, which the definition does not allow; add {reference.Name} to the top-level env list";
            default:
                return null;
        }
    }
}
