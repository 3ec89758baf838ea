namespace Cairn.Cli;

/// <summary>
/// Where runs are stored, as given with <c>--store</c> or <c>CAIRN_STORE</c>: <c>sqlite:PATH</c>,
/// <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c>, or an Npgsql connection string (<c>Host=…;Username=…;Database=…</c>).
/// </summary>
/// <param name="Scheme"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Path">The database file, or the Npgsql connection string.</param>
internal sealed record StoreLocation(string Scheme, string Path)
{
    /// <summary>The store used when neither <c>--store</c> nor <c>CAIRN_STORE</c> is given.</summary>
    public const string Default = "sqlite:./cairn.db";

    /// <summary>The environment variable that sets the store.</summary>
    public const string EnvironmentVariable = "CAIRN_STORE";

    /// <summary>The forms <c>--store</c> accepts, for messages.</summary>
    public const string AcceptedForms =
        "sqlite:PATH (for example " + Default + "), postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, or an Npgsql connection string such as \"Host=HOST;Username=USER;Database=DATABASE\"";

    /// <summary>Gets whether this is a PostgreSQL store.</summary>
    public bool IsPostgres => Scheme == "postgres";

    /// <summary>Gets whether the store exists already (commands that only read do not create one); a server's database is asked.</summary>
    public bool Exists => IsPostgres || File.Exists(Path);

    /// <summary>Parses a store location.</summary>
    /// <param name="text">For example <c>sqlite:./cairn.db</c> or <c>postgres://cairn@db:5432/cairn</c>.</param>
    /// <returns>The location.</returns>
    /// <exception cref="CliException">The text names no supported store.</exception>
    public static StoreLocation Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw CliException.Usage($"The store is empty; pass --store with {AcceptedForms}, or unset {EnvironmentVariable}.");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon].ToLowerInvariant() : string.Empty;
        var rest = colon > 0 ? text[(colon + 1)..] : text;
        switch (scheme)
        {
            case "sqlite":
                if (rest.StartsWith("//", StringComparison.Ordinal))
                {
                    rest = rest[2..];
                }

                if (rest.Length == 0)
                {
                    throw CliException.Usage($"The store '{text}' names no file; write sqlite:PATH, for example {Default}.");
                }

                return new StoreLocation("sqlite", rest);
            case "postgres" or "postgresql":
                return new StoreLocation("postgres", PostgresUrl.ToConnectionString(text));
            default:
                if (text.Contains('=', StringComparison.Ordinal))
                {
                    return new StoreLocation("postgres", PostgresUrl.CheckConnectionString(text));
                }

                throw CliException.Usage($"The store '{text}' is not one cairn knows; write {AcceptedForms}.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsPostgres ? PostgresUrl.Describe(Path) : $"{Scheme}:{Path}";
}
