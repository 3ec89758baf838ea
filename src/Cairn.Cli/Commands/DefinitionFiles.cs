using Cairn.Definitions;

namespace Cairn.Cli.Commands;

/// <summary>Reads definition files.</summary>
internal static class DefinitionFiles
{
    /// <summary>Reads and validates a definition file.</summary>
    /// <param name="path">The file as the user gave it (used in error locations).</param>
    /// <returns>The definition and the exact text it came from.</returns>
    /// <exception cref="CliException">The file does not exist.</exception>
    /// <exception cref="DefinitionException">The definition is not valid.</exception>
    public static (WorkflowDefinition Definition, string Source) Load(string path)
    {
        if (!File.Exists(path))
        {
            throw CliException.NotFound($"The definition file '{path}' does not exist; check the path.");
        }

        var source = File.ReadAllText(path);
        return (DefinitionParser.Parse(source, path), source);
    }
}
