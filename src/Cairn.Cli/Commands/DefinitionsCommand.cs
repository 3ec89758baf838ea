using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn definitions</c>: every stored version of every definition.</summary>
internal sealed class DefinitionsCommand : CliCommand
{
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public DefinitionsCommand(CliEnvironment environment)
        : base(environment, "definitions", "List the stored definitions with their versions.")
    {
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var host = await OpenClientAsync(parse, cancellationToken);
        IReadOnlyList<DefinitionRecord> definitions = host is null ? [] : await host.Catalog.ListAsync(cancellationToken);
        if (parse.GetValue(JsonOutput))
        {
            Json.Write(Out, new JsonArray(definitions.Select(d => (JsonNode)RunJson.Definition(d)).ToArray()));
            return ExitCodes.Success;
        }

        if (definitions.Count == 0)
        {
            Error.WriteLine("No definitions are stored; cairn run FILE registers one.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "VERSION", "REGISTERED", "FILE", "HASH");
        foreach (var definition in definitions)
        {
            table.Add(definition.Name, definition.Version.ToString(CultureInfo.InvariantCulture), RunText.Stamp(definition.CreatedAt), definition.File, definition.Hash[..Math.Min(12, definition.Hash.Length)]);
        }

        table.WriteTo(Out);
        return ExitCodes.Success;
    }
}
