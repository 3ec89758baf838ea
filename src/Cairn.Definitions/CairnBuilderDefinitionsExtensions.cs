using Cairn.Hosting;

namespace Cairn.Definitions;

/// <summary>Adds YAML/JSON definitions to a Cairn host.</summary>
public static class CairnBuilderDefinitionsExtensions
{
    /// <summary>Lets the host run stored definitions and registers <see cref="DefinitionCatalog"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static CairnBuilder AddDefinitions(this CairnBuilder builder) => throw new NotImplementedException();
}
