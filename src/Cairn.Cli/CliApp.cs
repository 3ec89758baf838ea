using System.CommandLine;
using System.CommandLine.Help;
using Cairn.Cli.Commands;

namespace Cairn.Cli;

/// <summary>The <c>cairn</c> root command: builds every command, parses, and runs the chosen one.</summary>
internal static class CliApp
{
    public static Command Build(CliEnvironment environment)
    {
        // A plain command named "cairn" rather than RootCommand, which would name itself after the assembly (Cairn.Cli).
        var root = new Command("cairn", "cairn: run YAML/JSON workflow definitions durably, and watch and steer their runs.")
        {
            new HelpOption { Recursive = true },
            new VersionOption(),
            GlobalOptions.Store,
        };
        CliCommand[] commands =
        [
            new RunCommand(environment),
            new WorkerCommand(environment),
            new RunsCommand(environment),
            new ShowCommand(environment),
            new JournalCommand(environment),
            new CheckpointsCommand(environment),
            new CheckpointCommand(environment),
            new SignalCommand(environment),
            new AnswerCommand(environment),
            new PauseCommand(environment),
            new ResumeCommand(environment),
            new CancelCommand(environment),
            new ResolveCommand(environment),
            new DeadLettersCommand(environment),
            new StatsCommand(environment),
            new GcCommand(environment),
            new ExportCommand(environment),
            new ImportCommand(environment),
            new MigrateCommand(environment),
            new CheckCommand(environment),
            new ValidateCommand(environment),
            new DefinitionsCommand(environment),
            new SchemaCommand(environment),
        ];
        foreach (var command in commands)
        {
            root.Add(command.Command);
        }

        return root;
    }

    /// <summary>Parses the arguments and runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider time)
    {
        var root = Build(new CliEnvironment(console, time));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine(error.Message);
            }

            var command = parse.CommandResult.Command;
            var name = command == root ? "cairn" : $"cairn {command.Name}";
            console.Error.WriteLine($"See '{name} --help' for the commands and options.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(configuration);
    }
}
