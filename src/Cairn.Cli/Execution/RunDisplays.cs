namespace Cairn.Cli.Execution;

/// <summary>Chooses how a watched run is shown.</summary>
internal static class RunDisplays
{
    /// <summary>A live table on a terminal, plain lines in a pipe or file, nothing with <c>--json</c>.</summary>
    public static IRunDisplay For(CliConsole console, bool json) =>
        json ? new SilentDisplay() : console.IsTerminal ? new LiveDisplay(console) : new PlainDisplay(console.Out);

    private sealed class SilentDisplay : IRunDisplay
    {
        public TimeSpan Interval => TimeSpan.FromMilliseconds(200);

        public Task<RunSnapshot> ShowAsync(Func<Action<RunSnapshot>, Task<RunSnapshot>> watch) => watch(_ => { });
    }
}
