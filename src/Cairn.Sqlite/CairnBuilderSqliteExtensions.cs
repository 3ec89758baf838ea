using Cairn.Hosting;
using Cairn.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded SQLite store for Cairn.</summary>
public static class CairnBuilderSqliteExtensions
{
    /// <summary>Stores runs in one SQLite file (WAL), created when missing.</summary>
    /// <param name="builder">The Cairn builder.</param>
    /// <param name="path">The database file.</param>
    /// <param name="configure">Changes the store options (durability, busy time-out, batch size).</param>
    /// <returns>The builder.</returns>
    public static CairnBuilder UseSqlite(this CairnBuilder builder, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStoreOptions { Path = path };
        configure?.Invoke(options);
        return builder.UseStore(sp => new SqliteWorkflowStore(options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
