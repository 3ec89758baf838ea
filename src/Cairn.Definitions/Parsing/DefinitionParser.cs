using Cairn.Definitions.Parsing;
using Cairn.Definitions.Validation;
using YamlDotNet.Core;

namespace Cairn.Definitions;

/// <summary>Reads YAML or JSON definitions into a validated <see cref="WorkflowDefinition"/>.</summary>
public static class DefinitionParser
{
    /// <summary>Parses and validates a definition; every problem is reported at once.</summary>
    /// <param name="text">The YAML or JSON text. It is read as JSON when <paramref name="file"/> ends in <c>.json</c> or the text starts with <c>{</c>.</param>
    /// <param name="file">The file name used in error locations.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionException">The text is malformed or not a valid definition.</exception>
    public static WorkflowDefinition Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var context = new ParseContext(file);
        var definition = Read(text, context);
        if (definition is not null)
        {
            ExpressionValidator.Validate(context);
        }

        return context.HasErrors || definition is null
            ? throw new DefinitionException(context.SortedErrors())
            : definition;
    }

    /// <summary>Reads a file and parses it with <see cref="Parse"/>.</summary>
    /// <param name="path">The file path (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionException">The file is malformed or not a valid definition.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static WorkflowDefinition ParseFile(string path) => Parse(File.ReadAllText(path), path);

    private static WorkflowDefinition? Read(string text, ParseContext context)
    {
        // A byte order mark is not part of the text; columns on the first line count from after it.
        text = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (JsonSyntax.IsJson(text, context.File) && !JsonSyntax.Check(text, context))
        {
            return null;
        }

        Node? root;
        try
        {
            root = NodeLoader.Load(text, context);
        }
        catch (YamlException exception)
        {
            var location = context.At(exception.Start);
            if (exception.Message.Contains("tab character", StringComparison.Ordinal))
            {
                location = IndentingTab(text, location) ?? location;
                context.Error(location, "YAML syntax error: a tab is used for indentation; indent with spaces only");
                return null;
            }

            context.Error(location, $"YAML syntax error: {exception.Message.TrimEnd('.')}; check the indentation, quotes and brackets here");
            return null;
        }

        return DefinitionReader.Read(root, context);
    }

    // YamlDotNet reports an indenting tab at the scalar before it; point at the tab itself.
    private static SourceLocation? IndentingTab(string text, SourceLocation start)
    {
        var lines = text.Split('\n');
        for (var index = start.Line - 1; index < lines.Length; index++)
        {
            var indent = lines[index].Length - lines[index].TrimStart(' ', '\t').Length;
            var tab = lines[index].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return start with { Line = index + 1, Column = tab + 1 };
            }
        }

        return null;
    }
}
