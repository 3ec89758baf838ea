namespace Cairn.Definitions;

/// <summary>The published JSON Schema of the definition format (<c>cairn schema</c> prints it).</summary>
public static class DefinitionSchema
{
    /// <summary>Gets the schema as indented JSON text.</summary>
    public static string Text => throw new NotImplementedException();
}
