namespace Cairn.Definitions.Parsing;

/// <summary>Reads field values of the kinds the format uses, reporting a value of the wrong kind at the value.</summary>
internal static partial class Values
{
    /// <summary>Reads a string; its <c>${{ }}</c> templates are checked when <paramref name="templates"/> is set.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages ("'url' of http step 'get'").</param>
    /// <param name="templates">Whether the string may embed templates.</param>
    /// <returns>The string, or <see langword="null"/> when absent or not a string.</returns>
    public static string? Text(ParseContext context, Node? node, string what, bool templates = true)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                if (templates)
                {
                    CheckTemplates(context, scalar, what);
                }

                return scalar.Value;
            default:
                context.Error(node, $"{what} must be a string, not {node.KindText}{QuoteHint(node)}");
                return null;
        }
    }

    /// <summary>Reads a non-empty string that matches a pattern, such as an id or a name.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <param name="isValid">Tells whether the string is acceptable.</param>
    /// <param name="rule">Says what is acceptable, for the message.</param>
    /// <returns>The string, or <see langword="null"/> when absent or not acceptable.</returns>
    public static string? Name(ParseContext context, Node? node, string what, Func<string, bool> isValid, string rule)
    {
        if (node is ScalarNode { Kind: not ScalarKind.String and not ScalarKind.Null } scalar && isValid(scalar.Value))
        {
            context.Error(node, $"{what} must be a string, not {node.KindText}; put it in quotes: \"{scalar.Value}\"");
            return null;
        }

        var text = Text(context, node, what, templates: false);
        if (text is not null && !isValid(text))
        {
            context.Error(node!, $"'{text}' is not valid as {what}: {rule}");
            return null;
        }

        return text;
    }

    /// <summary>Reads a string, number or boolean as text (command arguments, environment values, headers).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value.</param>
    /// <param name="what">Names the value in messages.</param>
    /// <returns>The text, or <see langword="null"/> when the value is not a scalar.</returns>
    public static string? ScalarText(ParseContext context, Node node, string what)
    {
        if (node is not ScalarNode { Kind: not ScalarKind.Null } scalar)
        {
            context.Error(node, $"{what} must be a string, number or true/false, not {node.KindText}");
            return null;
        }

        if (scalar.Kind == ScalarKind.String)
        {
            CheckTemplates(context, scalar, what);
        }

        return scalar.Value;
    }

    /// <summary>Reads a JavaScript expression: bare (<c>a &gt; 1</c>) or as one template (<c>${{ a &gt; 1 }}</c>).</summary>
    /// <param name="context">Where errors go; the expression is queued to be checked.</param>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="what">Names the field in messages.</param>
    /// <returns>The expression without a template wrapper, or <see langword="null"/> when absent or not valid.</returns>
    public static string? Expression(ParseContext context, Node? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not ScalarNode { Kind: ScalarKind.String or ScalarKind.Bool or ScalarKind.Int or ScalarKind.Float or ScalarKind.Null } scalar)
        {
            context.Error(node, $"{what} must be an expression written as a string, not {node.KindText}");
            return null;
        }

        var expression = scalar.Kind == ScalarKind.Null ? "null" : scalar.Value.Trim();
        if (Template.TryGetSingleExpression(expression, out var inner))
        {
            expression = inner;
        }
        else if (Template.Contains(expression))
        {
            context.Error(node, $"{what} is an expression, so it cannot mix text and templates; write the expression bare (a > 1) or wrap all of it in one ${{{{ }}}}");
            return null;
        }

        if (expression.Length == 0)
        {
            context.Error(node, $"{what} is empty; write a JavaScript expression such as input.count > 0");
            return null;
        }

        context.Expressions.Add(new(expression, node.Location, what));
        return expression;
    }

    /// <summary>Checks the templates of a string and queues their expressions to be checked.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="scalar">The string.</param>
    /// <param name="what">Names the field in messages.</param>
    public static void CheckTemplates(ParseContext context, ScalarNode scalar, string what)
    {
        if (!Template.TrySplit(scalar.Value, out var segments, out var error))
        {
            context.Error(scalar, $"{what}: {error}");
            return;
        }

        foreach (var segment in segments.Where(s => s.IsExpression))
        {
            context.Expressions.Add(new(segment.Text, scalar.Location, $"a template in {what}"));
        }
    }

    private static string QuoteHint(Node node) =>
        node is ScalarNode { Kind: not ScalarKind.String and not ScalarKind.Null } scalar
            ? $"; put it in quotes: \"{scalar.Value}\""
            : "";
}
