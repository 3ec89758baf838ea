using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn journal RUN_ID</c>: every durable event of a run, in order.</summary>
internal sealed class JournalCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public JournalCommand(CliEnvironment environment)
        : base(environment, "journal", "Print a run's journal: every durable event, in order.")
    {
        Command.Add(RunId);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var journal = await host.Client.GetJournalAsync(runId, cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(journal.Select(e => (JsonNode)RunJson.Entry(e)).ToArray()));
            return ExitCodes.Success;
        }

        var table = new TextTable("SEQ", "AT", "KIND", "POSITION", "NAME", "ATTEMPT", "PAYLOAD");
        foreach (var entry in journal)
        {
            table.Add(
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                RunText.Stamp(entry.At),
                Names.Of(entry.Kind),
                entry.Position,
                entry.Name,
                entry.Attempt == 0 ? string.Empty : entry.Attempt.ToString(CultureInfo.InvariantCulture),
                RunText.Shorten(entry.Payload));
        }

        table.WriteTo(Out);
        return ExitCodes.Success;
    }
}
