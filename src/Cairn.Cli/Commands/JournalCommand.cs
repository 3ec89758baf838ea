using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Journal;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn journal RUN_ID</c>: every durable event of a run, in order; with <c>--all</c> also the branches rewinds archived.</summary>
internal sealed class JournalCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<bool> All = new("--all") { Description = "Also print the journal tails that rewinds archived, by branch." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public JournalCommand(CliEnvironment environment)
        : base(environment, "journal", "Print a run's journal: every durable event, in order.")
    {
        Command.Add(RunId);
        Command.Add(All);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var journal = await host.Client.GetJournalAsync(runId, cancellationToken);
        var branches = parse.GetValue(All) ? await host.Client.GetJournalBranchesAsync(runId, cancellationToken) : null;
        if (parse.GetValue(JsonOutput))
        {
            var entries = Entries(journal);
            Json.Write(Out, branches is null ? entries : new JsonObject
            {
                ["journal"] = entries,
                ["branches"] = new JsonArray(branches.Select(b => (JsonNode)new JsonObject
                {
                    ["number"] = b.Number,
                    ["afterSequence"] = b.AfterSequence,
                    ["archivedAt"] = Json.Time(b.ArchivedAt),
                    ["reason"] = b.Reason,
                    ["entries"] = Entries(b.Entries),
                }).ToArray()),
            });
            return ExitCodes.Success;
        }

        Table(journal).WriteTo(Out);
        foreach (var branch in branches ?? [])
        {
            Out.WriteLine();
            Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Branch {branch.Number}: archived {RunText.Stamp(branch.ArchivedAt)} by {branch.Reason ?? "a rewind"}; it followed sequence {branch.AfterSequence}"));
            if (branch.Entries.Count > 0)
            {
                Table(branch.Entries).WriteTo(Out, "  ");
            }
        }

        return ExitCodes.Success;
    }

    private static JsonArray Entries(IReadOnlyList<JournalEntry> entries) => new(entries.Select(e => (JsonNode)RunJson.Entry(e)).ToArray());

    private static TextTable Table(IReadOnlyList<JournalEntry> entries)
    {
        var table = new TextTable("SEQ", "AT", "KIND", "POSITION", "NAME", "ATTEMPT", "PAYLOAD");
        foreach (var entry in entries)
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

        return table;
    }
}
