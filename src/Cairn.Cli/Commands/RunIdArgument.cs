using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>The <c>RUN_ID</c> argument the commands about one run take.</summary>
internal static class RunIdArgument
{
    public static Argument<string> Create() => new("RUN_ID") { Description = "The run id (see cairn runs)." };
}
