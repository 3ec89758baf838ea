using Microsoft.Extensions.DependencyInjection;

namespace Cairn;

/// <summary>Reads Cairn's shared services from a built service provider, for components that extend Cairn.</summary>
public static class CairnServiceProviderExtensions
{
    /// <summary>Gets the clock Cairn uses: the one given to <see cref="Hosting.CairnBuilder.UseTimeProvider"/>, or the system clock.</summary>
    /// <param name="services">The service provider.</param>
    /// <returns>The clock.</returns>
    public static TimeProvider GetCairnTimeProvider(this IServiceProvider services) =>
        services.GetKeyedService<TimeProvider>(CairnServiceCollectionExtensions.ServiceKey) ?? TimeProvider.System;
}
