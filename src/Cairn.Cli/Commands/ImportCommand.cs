using System.CommandLine;
using System.Text.Json.Nodes;
using Cairn.Cli.Hosting;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn import FILE</c>: recreates exported runs exactly; an id that exists is refused unless <c>--rename</c>.</summary>
internal sealed class ImportCommand : CliCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "The JSON lines written by cairn export (- for standard input)." };
    private static readonly Option<bool> Rename = new("--rename") { Description = "Give imported runs whose ids exist a new id ({id}-imported) instead of refusing the import." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ImportCommand(CliEnvironment environment)
        : base(environment, "import", "Recreate exported runs: ids, journals, archived branches, state and lineage.")
    {
        Command.Add(File);
        Command.Add(Rename);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(File);
        if (path != "-" && !System.IO.File.Exists(path))
        {
            throw CliException.NotFound($"The file '{path}' does not exist; give the file cairn export wrote.");
        }

        using var reader = path == "-" ? Console.In : new StreamReader(path);
        await using var host = await CliHost.StartAsync(GetStore(parse), HostMode.Client, cancellationToken: cancellationToken);
        IReadOnlyList<ImportedRun> imported;
        try
        {
            imported = await host.Client.ImportAsync(reader, new ImportOptions { Rename = parse.GetValue(Rename) }, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw CliException.Usage($"{path}: {e.Message} Nothing was imported.", e);
        }

        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(imported.Select(i => (JsonNode)new JsonObject { ["originalRunId"] = i.OriginalRunId, ["runId"] = i.RunId }).ToArray()));
            return ExitCodes.Success;
        }

        foreach (var run in imported)
        {
            Out.WriteLine(run.RunId == run.OriginalRunId ? run.RunId : $"{run.RunId} (was {run.OriginalRunId})");
        }

        Error.WriteLine($"Imported {imported.Count} run{(imported.Count == 1 ? string.Empty : "s")}.");
        return ExitCodes.Success;
    }
}
