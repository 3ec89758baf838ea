using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>Templates: strings with <c>${{ expression }}</c> parts.</summary>
public sealed partial class ScriptSandbox
{
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Tells whether <paramref name="text"/> contains a <c>${{</c> template.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether the text holds a template.</returns>
    public static bool HasTemplate(string text) =>
        text is not null && Template.Contains(text);

    /// <summary>Gets the expression of a field that takes an expression, written bare (<c>a &gt; 1</c>) or as one template (<c>${{ a &gt; 1 }}</c>).</summary>
    /// <param name="expressionField">The field's text.</param>
    /// <returns>The expression, trimmed; <see langword="null"/> when the field is empty, mixes templates with other text, or has an unclosed <c>${{</c>.</returns>
    public static string? StripTemplate(string expressionField)
    {
        ArgumentNullException.ThrowIfNull(expressionField);
        var trimmed = expressionField.Trim();
        if (!HasTemplate(trimmed))
        {
            return trimmed.Length == 0 ? null : trimmed;
        }

        var parts = Template.Scan(trimmed, out _);
        var single = parts is null ? null : Single(parts)?.Trim();
        return string.IsNullOrEmpty(single) ? null : single;
    }

    /// <summary>Renders a template: replaces each <c>${{ expression }}</c> with its value.</summary>
    /// <param name="template">The text.</param>
    /// <param name="scope">The globals of the expressions, as for <see cref="Evaluate"/>.</param>
    /// <returns>
    /// When the text is exactly one template (whitespace around it aside), the expression's value as it is (a number
    /// stays a number, an object an object). Otherwise a string in which each value is written as text: strings as
    /// they are, <c>null</c> as nothing, anything else as compact JSON. Text without templates is returned as a string.
    /// </returns>
    /// <exception cref="ScriptException">A <c>${{</c> is not closed, or an expression fails (see <see cref="Evaluate"/>).</exception>
    public JsonNode? Render(string template, JsonObject scope)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        if (!HasTemplate(template))
        {
            return JsonValue.Create(template);
        }

        var parts = Template.Scan(template, out var unclosedAt)
            ?? throw new ScriptException(ScriptErrorKind.Syntax, $"the template '{template}' is not valid: the '{Template.Open}' at column {unclosedAt + 1} has no closing '{Template.Close}'");
        var single = Single(parts);
        if (single is not null)
        {
            return Evaluate(CheckExpression(single, template), scope);
        }

        var text = new StringBuilder();
        foreach (var (part, _) in parts)
        {
            text.Append(part.IsExpression ? AsText(Evaluate(CheckExpression(part.Text, template), scope)) : part.Text);
        }

        return JsonValue.Create(text.ToString());
    }

    /// <summary>Renders every string in a JSON tree with <see cref="Render"/>; keys are left as they are.</summary>
    /// <param name="node">The tree (it is not changed).</param>
    /// <param name="scope">The globals of the expressions.</param>
    /// <returns>A new tree with every string rendered.</returns>
    /// <exception cref="ScriptException">A template is not valid, or an expression fails.</exception>
    public JsonNode? RenderNode(JsonNode? node, JsonObject scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var rendered = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    rendered[key] = RenderNode(value, scope);
                }

                return rendered;
            case JsonArray array:
                return new JsonArray(array.Select(item => RenderNode(item, scope)).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return Render(value.GetValue<string>(), scope);
            default:
                return node.DeepClone();
        }
    }

    private static string CheckExpression(string expression, string template) =>
        string.IsNullOrWhiteSpace(expression)
            ? throw new ScriptException(ScriptErrorKind.Syntax, $"the template '{template}' has an empty '{Template.Open} {Template.Close}'")
            : expression;

    /// <summary>Gets the expression when the parts are one expression with at most whitespace around it.</summary>
    private static string? Single(List<(TemplateSegment Segment, int At)> parts)
    {
        var expressions = parts.Where(p => p.Segment.IsExpression).ToList();
        return expressions.Count == 1 && parts.All(p => p.Segment.IsExpression || string.IsNullOrWhiteSpace(p.Segment.Text)) ? expressions[0].Segment.Text : null;
    }

    private static string AsText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        _ => value.ToJsonString(CompactJson),
    };
}
