using System.Text;
using System.Text.Json;

namespace Cairn.Definitions.Parsing;

/// <summary>Checks JSON text with System.Text.Json, so JSON syntax errors read as JSON errors with their position.</summary>
internal static class JsonSyntax
{
    /// <summary>Tells whether a text is to be read as JSON: a <c>.json</c> file, or text starting with <c>{</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The file name.</param>
    /// <returns>Whether the text is JSON.</returns>
    public static bool IsJson(string text, string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart(' ', '\t', '\r', '\n').StartsWith('{');

    /// <summary>Reports the first syntax error of a JSON text, if any.</summary>
    /// <param name="text">The text.</param>
    /// <param name="context">Where the error goes.</param>
    /// <returns>Whether the text is well-formed JSON.</returns>
    public static bool Check(string text, ParseContext context)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException exception) when (exception.LineNumber is { } line && exception.BytePositionInLine is { } bytes)
        {
            var column = ColumnOf(text, (int)line, (int)bytes);
            context.Error(new SourceLocation(context.File, (int)line + 1, column), $"JSON syntax error: {Describe(exception.Message)}");
            return false;
        }
    }

    private static int ColumnOf(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytes + 1;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    private static string Describe(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var detail = (end < 0 ? message : message[..end]).Trim();
        if (detail.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a trailing comma; remove the comma after the last item";
        }

        if (detail.Contains("open JSON object or array", StringComparison.Ordinal))
        {
            return "the text ends inside an object or array; add the missing '}' or ']'";
        }

        return $"{detail.TrimEnd('.')}; fix the JSON at this line and column";
    }
}
