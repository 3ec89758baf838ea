using System.CommandLine;
using Cairn.Definitions;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn schema</c>: prints the JSON Schema of the definition format.</summary>
internal sealed class SchemaCommand : CliCommand
{
    public SchemaCommand(CliEnvironment environment)
        : base(environment, "schema", "Print the JSON Schema of the definition format (for editors and CI).")
    {
    }

    protected override Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        Out.WriteLine(DefinitionSchema.Text);
        return Task.FromResult(ExitCodes.Success);
    }
}
