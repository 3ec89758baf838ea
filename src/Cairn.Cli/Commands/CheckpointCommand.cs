using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn checkpoint show|diff</c>: one checkpoint's state and outputs, or what changed between two.</summary>
internal sealed class CheckpointCommand : CliCommand
{
    public CheckpointCommand(CliEnvironment environment)
        : base(environment, "checkpoint", "Look at a run's checkpoints: show one, or diff two.")
    {
        Command.Add(new CheckpointShowCommand(environment).Command);
        Command.Add(new CheckpointDiffCommand(environment).Command);
    }

    protected override Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken) =>
        throw CliException.Usage("Say what to do with checkpoints: cairn checkpoint show RUN_ID N, or cairn checkpoint diff RUN_ID A B (cairn checkpoints RUN_ID lists them).");
}
