namespace Cairn.Cli;

/// <summary>The process exit codes of <c>cairn</c>; documented in docs/cli.md and stable.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for a run, it completed.</summary>
    public const int Success = 0;

    /// <summary>The run failed or was cancelled (or cairn itself failed unexpectedly).</summary>
    public const int RunFailed = 1;

    /// <summary>The command line, an input or a definition is not valid, or the action does not fit the run's state.</summary>
    public const int UsageError = 2;

    /// <summary>The run is suspended or paused: it waits for a timer, an event, an answer or a resume.</summary>
    public const int Suspended = 3;

    /// <summary>The run, file or definition does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>Interrupted with Ctrl+C; the run stays in the store and continues with <c>cairn resume</c> or a worker.</summary>
    public const int Interrupted = 130;
}
