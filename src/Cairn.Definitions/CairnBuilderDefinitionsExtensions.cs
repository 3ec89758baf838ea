using Cairn.Definitions.Interpreter;
using Cairn.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Definitions;

/// <summary>Adds YAML/JSON definitions to a Cairn host.</summary>
public static class CairnBuilderDefinitionsExtensions
{
    /// <summary>Lets the host run stored definitions (by name, each run pinned to its version) and registers <see cref="DefinitionCatalog"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the settings, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static CairnBuilder AddDefinitions(this CairnBuilder builder, Action<DefinitionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DefinitionOptions();
        configure?.Invoke(options);
        var services = builder.Services;
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new DefinitionServices(
            new ScriptSandbox(sp.GetRequiredService<DefinitionOptions>().ScriptLimits),
            new ExecRunner(),
            new HttpRunner(new HttpClient()),
            sp.GetCairnTimeProvider()));
        services.TryAddSingleton(sp => new DefinitionSource(
            sp.GetRequiredService<IWorkflowStore>(),
            sp.GetRequiredService<StoreInitializer>(),
            sp.GetRequiredService<DefinitionServices>(),
            sp.GetRequiredService<DefinitionOptions>(),
            sp.GetCairnTimeProvider()));
        services.AddSingleton<IWorkflowSource>(sp => sp.GetRequiredService<DefinitionSource>());
        services.TryAddSingleton(sp => new DefinitionCatalog(
            sp.GetRequiredService<IWorkflowStore>(),
            sp.GetRequiredService<StoreInitializer>(),
            sp.GetCairnTimeProvider(),
            sp.GetRequiredService<DefinitionSource>()));
        return builder;
    }
}
