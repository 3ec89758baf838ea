using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    /// <summary>Gets <c>--store</c>: where runs are stored.</summary>
    public static Option<string> Store { get; } = new("--store")
    {
        Description = $"Where runs are stored: sqlite:PATH, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE or an Npgsql connection string. Defaults to ${StoreLocation.EnvironmentVariable}, then {StoreLocation.Default}.",
        Recursive = true,
        HelpName = "STORE",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StoreLocation.EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : StoreLocation.Default,
    };

    /// <summary>Creates a <c>--json</c> option for one command.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document (camelCase, stable shape; see docs/cli.md)." };
}
