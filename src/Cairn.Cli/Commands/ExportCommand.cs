using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn export (RUN_ID… | --all)</c>: runs as JSON lines on standard output, for <c>cairn import</c>.</summary>
internal sealed class ExportCommand : CliCommand
{
    private static readonly Argument<string[]> RunIds = new("RUN_ID") { Description = "The runs to export.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<bool> All = new("--all") { Description = "Export every run, oldest first." };

    public ExportCommand(CliEnvironment environment)
        : base(environment, "export", "Write runs (record, journal, archived branches, pending signals) as JSON lines, one run a line, for cairn import.")
    {
        Command.Add(RunIds);
        Command.Add(All);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ids = parse.GetValue(RunIds) ?? [];
        var all = parse.GetValue(All);
        if (all == (ids.Length > 0))
        {
            throw CliException.Usage("Name the runs to export, or pass --all for every run (not both).");
        }

        await using var host = await OpenClientAsync(parse, cancellationToken);
        if (host is null)
        {
            return ids.Length == 0 ? ExitCodes.Success : throw CliException.NotFound($"No run with id '{ids[0]}': the store {GetStore(parse)} does not exist.");
        }

        var count = await host.Client.ExportAsync(Out, all ? null : ids, cancellationToken);
        Error.WriteLine($"Exported {count} run{(count == 1 ? string.Empty : "s")}.");
        return ExitCodes.Success;
    }
}
