namespace Cairn.Cli;

/// <summary>Where runs are stored, as given with <c>--store</c> or <c>CAIRN_STORE</c>: <c>sqlite:PATH</c>.</summary>
/// <param name="Scheme">The store kind; <c>sqlite</c> for now.</param>
/// <param name="Path">The database file.</param>
internal sealed record StoreLocation(string Scheme, string Path)
{
    /// <summary>The store used when neither <c>--store</c> nor <c>CAIRN_STORE</c> is given.</summary>
    public const string Default = "sqlite:./cairn.db";

    /// <summary>The environment variable that sets the store.</summary>
    public const string EnvironmentVariable = "CAIRN_STORE";

    /// <summary>Gets whether the store exists already (commands that only read do not create one).</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>Parses a store location.</summary>
    /// <param name="text">For example <c>sqlite:./cairn.db</c>.</param>
    /// <returns>The location.</returns>
    /// <exception cref="CliException">The text names no supported store.</exception>
    public static StoreLocation Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw CliException.Usage($"The store is empty; pass --store sqlite:PATH (for example --store {Default}) or unset {EnvironmentVariable}.");
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
                throw CliException.Usage($"The store '{text}' is a PostgreSQL store, which this version of cairn cannot open yet; use sqlite:PATH, for example {Default}.");
            default:
                throw CliException.Usage($"The store '{text}' is not one cairn knows; write sqlite:PATH, for example --store {Default}.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Scheme}:{Path}";
}
