namespace Cairn.Cli;

/// <summary>What every command is given: where to write and the clock.</summary>
/// <param name="Console">Standard output and error.</param>
/// <param name="Time">The clock.</param>
internal sealed record CliEnvironment(CliConsole Console, TimeProvider Time);
