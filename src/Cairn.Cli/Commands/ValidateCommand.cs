using System.CommandLine;
using System.Text.Json.Nodes;
using Cairn.Definitions;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn validate FILE</c>: checks a definition and reports every problem with file, line and column.</summary>
internal sealed class ValidateCommand : CliCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "The definition (.yaml, .yml or .json)." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ValidateCommand(CliEnvironment environment)
        : base(environment, "validate", "Check a definition without running it; every problem is reported with file, line and column.")
    {
        Command.Add(File);
        Command.Add(JsonOutput);
    }

    protected override Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(File);
        var json = parse.GetValue(JsonOutput);
        IReadOnlyList<DefinitionError> errors;
        WorkflowDefinition? definition = null;
        try
        {
            definition = DefinitionFiles.Load(path).Definition;
            errors = [];
        }
        catch (DefinitionException e)
        {
            errors = e.Errors;
        }

        if (json)
        {
            Json.Write(Out, new JsonArray(errors.Select(e => (JsonNode)new JsonObject
            {
                ["file"] = e.Location.File,
                ["line"] = e.Location.Line,
                ["column"] = e.Location.Column,
                ["message"] = e.Message,
            }).ToArray()));
        }

        foreach (var error in errors)
        {
            Error.WriteLine(error.ToString());
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(ExitCodes.UsageError);
        }

        if (!json)
        {
            Out.WriteLine($"{path} is valid: workflow {definition!.Name}, {Count(definition.Steps)} steps.");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static int Count(IEnumerable<StepDefinition> steps) => steps.Sum(s => 1 + Count(s.Children));
}
