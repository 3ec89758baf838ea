using Cairn;
using Cairn.Engine;
using Cairn.Hosting;
using Cairn.Memory;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Cairn to a service collection.</summary>
public static class CairnServiceCollectionExtensions
{
    internal const string ServiceKey = "Cairn";

    /// <summary>Adds the Cairn engine, its hosted <see cref="WorkflowHost"/> and <see cref="IWorkflowClient"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>A builder to register workflows and choose the store.</returns>
    public static CairnBuilder AddCairn(this IServiceCollection services, Action<CairnOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new CairnBuilder(services);
        var options = new CairnOptions();
        configure?.Invoke(options);
        services.TryAddSingleton<IWorkflowStore>(_ => new InMemoryWorkflowStore());
        services.TryAddSingleton<RunNotifications>();
        services.TryAddSingleton(sp => new StoreInitializer(sp.GetRequiredService<IWorkflowStore>()));
        services.TryAddSingleton(sp =>
        {
            var errors = options.Validate();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Cairn options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
            }

            var registry = builder.BuildRegistry(sp.GetServices<IWorkflowSource>());
            return new WorkflowEngine(
                sp.GetRequiredService<IWorkflowStore>(),
                registry,
                options,
                sp.GetCairnTimeProvider(),
                sp.GetRequiredService<RunNotifications>(),
                sp,
                sp.GetService<ILoggerFactory>()?.CreateLogger("Cairn") ?? NullLogger.Instance);
        });
        services.TryAddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<WorkflowEngine>();
            var host = new WorkflowHost(engine, sp.GetRequiredService<StoreInitializer>());
            engine.Host = host;
            return host;
        });
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowHost>());
        services.TryAddSingleton<IWorkflowClient>(sp =>
        {
            sp.GetRequiredService<WorkflowHost>();
            return new WorkflowClient(sp.GetRequiredService<WorkflowEngine>(), sp.GetRequiredService<StoreInitializer>());
        });
        return builder;
    }
}
