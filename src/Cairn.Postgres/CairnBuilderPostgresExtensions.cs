using Cairn.Hosting;
using Cairn.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL store for Cairn.</summary>
public static class CairnBuilderPostgresExtensions
{
    /// <summary>Stores runs in a PostgreSQL database shared by every host; the schema is created or migrated when the store opens.</summary>
    /// <param name="builder">The Cairn builder.</param>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=cairn;Database=cairn</c>.</param>
    /// <param name="configure">Changes the store options (schema name, batch size).</param>
    /// <returns>The builder.</returns>
    public static CairnBuilder UsePostgres(this CairnBuilder builder, string connectionString, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new PostgresStoreOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        return builder.UseStore(sp => new PostgresWorkflowStore(options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
