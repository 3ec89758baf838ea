namespace Cairn.Definitions.Tests;

/// <summary>Parses definition text the way the CLI does, for tests.</summary>
internal static class Parse
{
    /// <summary>Parses text that must be valid.</summary>
    public static WorkflowDefinition Valid(string text, string file = "flow.yaml") => DefinitionParser.Parse(text, file);

    /// <summary>Parses text that must be invalid and returns every error.</summary>
    public static IReadOnlyList<DefinitionError> Errors(string text, string file = "flow.yaml") =>
        Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, file)).Errors;

    /// <summary>Parses text that must have exactly one problem and returns it.</summary>
    public static DefinitionError Error(string text, string file = "flow.yaml") => Assert.Single(Errors(text, file));
}
