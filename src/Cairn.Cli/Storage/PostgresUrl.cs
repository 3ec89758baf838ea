using Npgsql;

namespace Cairn.Cli;

/// <summary>Maps <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?KEY=VALUE…]</c> to an Npgsql connection string, and checks raw ones.</summary>
internal static class PostgresUrl
{
    private const string Form = "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE";

    /// <summary>Converts a URL; query parameters are Npgsql settings (for example <c>?sslmode=require</c>).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="CliException">The URL is malformed or names no host or database.</exception>
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !url.Contains("://", StringComparison.Ordinal))
        {
            throw CliException.Usage($"The store '{Mask(url)}' is not a PostgreSQL URL; write {Form}, for example postgres://cairn@localhost:5432/cairn.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw CliException.Usage($"The store '{Mask(url)}' names no database; write {Form}, for example postgres://cairn@localhost:5432/cairn.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port, Database = database };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage($"The store '{Mask(url)}' has a setting Npgsql does not know ({kv[0]}): {e.Message}");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Checks a raw Npgsql connection string.</summary>
    /// <param name="text">The connection string.</param>
    /// <returns>It, unchanged.</returns>
    /// <exception cref="CliException">It is not a valid connection string or names no host.</exception>
    public static string CheckConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage($"The store is not a valid Npgsql connection string ({e.Message}); write {StoreLocation.AcceptedForms}.");
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw CliException.Usage($"The store connection string names no Host; write {StoreLocation.AcceptedForms}.");
        }

        return text;
    }

    /// <summary>Describes a connection string for messages, without its password.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>For example <c>postgres://cairn@db:5432/cairn</c>.</returns>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string Mask(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
