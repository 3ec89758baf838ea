using System.CommandLine;
using Cairn.Cli.Integrity;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn check</c>: verifies a store's integrity and lists every problem with the run and how to fix it.</summary>
internal sealed class CheckCommand : CliCommand
{
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public CheckCommand(CliEnvironment environment)
        : base(environment, "check", "Check a store's integrity (journals, archived branches, waits, parent links, definition versions, snapshots, and the store's own file check); exits 1 when a problem is found.")
    {
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var store = GetStore(parse);
        await using var host = await OpenClientAsync(parse, cancellationToken)
            ?? throw CliException.NotFound($"The store {store} does not exist; pass --store (or set {StoreLocation.EnvironmentVariable}) to the store to check.");
        var report = await StoreChecker.CheckAsync(host.Store, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, report.ToJson(store));
        }
        else
        {
            report.WriteText(Out, store);
        }

        return report.Clean ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
