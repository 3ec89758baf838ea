using System.CommandLine;
using Cairn.Cli.Hosting;
using Cairn.Cli.Migration;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn migrate --from STORE --to STORE</c>: copies a whole store into an empty one, then verifies the copy.</summary>
internal sealed class MigrateCommand : CliCommand
{
    private static readonly Option<string> From = new("--from") { Description = "The store to copy (it is only read, and may be in use).", HelpName = "STORE", Required = true };
    private static readonly Option<string> To = new("--to") { Description = "The store to copy into; it must hold no runs (a store that does not exist yet is created).", HelpName = "STORE", Required = true };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public MigrateCommand(CliEnvironment environment)
        : base(environment, "migrate", "Copy everything from one store into an empty one (definitions, runs with journals and archived branches, signals, waits, snapshots, scoped state, breakers), then verify the copy.")
    {
        Command.Add(From);
        Command.Add(To);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var from = StoreLocation.Parse(parse.GetRequiredValue(From));
        var to = StoreLocation.Parse(parse.GetRequiredValue(To));
        if (from == to)
        {
            throw CliException.Usage($"--from and --to both name {from}; give the store to copy into with --to.");
        }

        if (!from.Exists)
        {
            throw CliException.NotFound($"The store {from} does not exist; --from names the store to copy.");
        }

        await using var source = await CliHost.StartAsync(from, HostMode.Client, cancellationToken: cancellationToken);
        await using var target = await CliHost.StartAsync(to, HostMode.Client, cancellationToken: cancellationToken);
        var copied = await StoreCopier.CopyAsync(source, from, target, to, cancellationToken);
        var verification = new MigrationVerification(
            await StoreInventory.ReadAsync(source.Store, cancellationToken),
            await StoreInventory.ReadAsync(target.Store, cancellationToken));
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, verification.ToJson(from, to));
        }
        else
        {
            Out.WriteLine($"Copied {from} to {to}: {copied} run{(copied == 1 ? string.Empty : "s")}.");
            verification.WriteText(Out);
        }

        return verification.Matches ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
