namespace Cairn.Definitions;

/// <summary>Reads YAML or JSON definitions into a validated <see cref="WorkflowDefinition"/>.</summary>
public static class DefinitionParser
{
    /// <summary>Parses and validates a definition; every problem is reported at once.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="file">The file name used in error locations.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionException">The text is malformed or not a valid definition.</exception>
    public static WorkflowDefinition Parse(string text, string file) => throw new NotImplementedException();

    /// <summary>Reads a file and parses it with <see cref="Parse"/>.</summary>
    /// <param name="path">The file path (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionException">The file is malformed or not a valid definition.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static WorkflowDefinition ParseFile(string path) => Parse(File.ReadAllText(path), path);
}
