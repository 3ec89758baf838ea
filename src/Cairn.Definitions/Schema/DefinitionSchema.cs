namespace Cairn.Definitions;

/// <summary>The published JSON Schema of the definition format (<c>cairn schema</c> prints it).</summary>
/// <remarks>
/// The schema states the structure (fields, kinds, required fields, patterns). <see cref="DefinitionParser"/>
/// accepts exactly that structure and adds the checks a schema cannot state: unique step ids, expressions that
/// parse, and reads of existing steps and listed environment variables only.
/// </remarks>
public static class DefinitionSchema
{
    private const string ResourceName = "Cairn.Definitions.definition.schema.json";

    private static readonly Lazy<string> Resource = new(Load);

    /// <summary>Gets the schema (JSON Schema draft 2020-12) as indented JSON text.</summary>
    /// <value>The text of <c>Schema/definition.schema.json</c>, shipped in the assembly.</value>
    public static string Text => Resource.Value;

    private static string Load()
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
