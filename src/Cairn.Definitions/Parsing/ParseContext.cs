using YamlDotNet.Core;

namespace Cairn.Definitions.Parsing;

/// <summary>What reading one definition collects: its errors, step ids, expressions and allowed environment names.</summary>
/// <param name="file">The file name used in error locations.</param>
internal sealed class ParseContext(string file)
{
    private readonly List<DefinitionError> _errors = [];

    /// <summary>Gets the file name used in error locations.</summary>
    public string File { get; } = file;

    /// <summary>Gets every step id with where it is written, in document order.</summary>
    public List<KeyValuePair<string, SourceLocation>> StepIds { get; } = [];

    /// <summary>Gets every expression and script found, to check once all ids are known.</summary>
    public List<ExpressionUse> Expressions { get; } = [];

    /// <summary>Gets the environment variable names the definition allows.</summary>
    public HashSet<string> EnvNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets whether any error was reported.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Converts a YamlDotNet mark to a location in this file.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The location.</returns>
    public SourceLocation At(Mark mark) => new(File, checked((int)mark.Line), checked((int)mark.Column));

    /// <summary>Reports a problem at a node.</summary>
    /// <param name="node">The offending node.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Error(Node node, string message) => Error(node.Location, message);

    /// <summary>Reports a problem at a location.</summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Error(SourceLocation location, string message) => _errors.Add(new(location, message));

    /// <summary>Gets the errors in document order, each reported once.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<DefinitionError> SortedErrors() =>
        [.. _errors.Distinct().OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];
}
