using System.CommandLine;
using System.Text.Json;
using Cairn.Cli.Execution;
using Cairn.Cli.Hosting;
using Cairn.Cli.Views;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn run FILE</c>: validates and registers a definition, starts a run and executes it here.</summary>
internal sealed class RunCommand : CliCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "The definition (.yaml, .yml or .json)." };
    private static readonly Option<string?> Input = new("--input") { Description = "The run's input as JSON (default: {}).", HelpName = "JSON" };
    private static readonly Option<string?> InputFile = new("--input-file") { Description = "A file holding the run's input as JSON.", HelpName = "PATH" };
    private static readonly Option<string?> Id = new("--id") { Description = "The run id (default: a new one). Starting an id that exists follows that run.", HelpName = "RUN_ID" };
    private static readonly Option<bool> Detach = new("--detach") { Description = "Only enqueue the run; a cairn worker executes it." };
    private static readonly Option<int> Priority = new("--priority") { Description = "The run's priority: workers take waiting runs of higher priority first (default: 0).", HelpName = "N" };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public RunCommand(CliEnvironment environment)
        : base(environment, "run", "Validate and register a definition, start a run and execute it here with live progress.")
    {
        Command.Add(File);
        Command.Add(Input);
        Command.Add(InputFile);
        Command.Add(Id);
        Command.Add(Detach);
        Command.Add(Priority);
        Command.Add(JsonOutput);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(File);
        var json = parse.GetValue(JsonOutput);
        var detach = parse.GetValue(Detach);
        var store = GetStore(parse);
        var input = ReadInput(parse);
        var (definition, source) = DefinitionFiles.Load(path);

        await using var host = await CliHost.StartAsync(store, detach ? HostMode.Client : HostMode.Execute, cancellationToken: cancellationToken);
        // Registered with its full path: a relative cwd of an exec step is taken from the definition's folder,
        // whichever process executes the run.
        var stored = await host.Catalog.RegisterAsync(definition, source, Path.GetFullPath(path), cancellationToken);
        var runId = await host.Client.StartAsync(definition.Name, input, new StartRunOptions { RunId = parse.GetValue(Id), Version = stored.Version, Priority = parse.GetValue(Priority) }, cancellationToken);
        if (detach)
        {
            var run = await host.Client.GetRunAsync(runId, cancellationToken);
            if (json)
            {
                Json.Write(Out, RunJson.Status(runId, run.Status));
            }
            else
            {
                Out.WriteLine(runId);
                Error.WriteLine($"Run {runId} of {stored.Name} v{stored.Version} is {Names.Of(run.Status)}: a cairn worker executes it (cairn resume {runId} does so here).");
            }

            return ExitCodes.Success;
        }

        if (!json)
        {
            Out.WriteLine($"Run {runId}: {stored.Name} v{stored.Version} on {store}");
            Out.Flush();
        }

        return await RunExecutor.ExecuteAsync(Environment, host, runId, json, cancellationToken);
    }

    private static JsonElement ReadInput(ParseResult parse)
    {
        var text = parse.GetValue(Input);
        var file = parse.GetValue(InputFile);
        if (text is not null && file is not null)
        {
            throw CliException.Usage("--input and --input-file were both given; pass the input one way only.");
        }

        if (file is not null)
        {
            if (!System.IO.File.Exists(file))
            {
                throw CliException.NotFound($"The input file '{file}' does not exist; check the path given to --input-file.");
            }

            return Json.ParseArgument(System.IO.File.ReadAllText(file), $"The input file '{file}'");
        }

        // Without an input, a run gets an empty object: definitions read input.name without a null check, and an
        // input schema reports the missing fields by name.
        return Json.ParseArgument(text ?? "{}", "--input");
    }
}
