using Microsoft.Extensions.Logging;

namespace Cairn;

/// <summary>Cairn's log messages. Event ids: 100–199 host, 200–299 run lifecycle, 300–399 store.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Cairn host {Owner} started: {Workflows} workflow(s), at most {Concurrency} concurrent runs.")]
    public static partial void HostStarted(ILogger logger, string owner, int workflows, int concurrency);

    [LoggerMessage(101, LogLevel.Information, "Cairn host {Owner} released {Count} run(s) of dead owner {DeadOwner}.")]
    public static partial void DeadOwnerReleased(ILogger logger, string owner, int count, string deadOwner);

    [LoggerMessage(102, LogLevel.Error, "Cairn host {Owner} loop failed; retrying.")]
    public static partial void HostLoopFailed(ILogger logger, Exception error, string owner);

    [LoggerMessage(200, LogLevel.Debug, "Run {RunId} finished: {Status}.")]
    public static partial void RunFinished(ILogger logger, string runId, string status);

    [LoggerMessage(202, LogLevel.Information, "Run {RunId} resumed with {Strategy}: run {ContinuingRunId} continues; {Rerun} recorded call(s) run again, {Archived} journal entries archived.")]
    public static partial void RunResumed(ILogger logger, string runId, string strategy, string continuingRunId, int rerun, int archived);

    [LoggerMessage(203, LogLevel.Information, "Run {RunId} deleted by retention.")]
    public static partial void RunPurged(ILogger logger, string runId);

    [LoggerMessage(201, LogLevel.Warning, "Run {RunId} abandoned by this host ({ErrorType}: {Message}); it continues from its journal on the next load.")]
    public static partial void RunAbandoned(ILogger logger, string runId, string errorType, string message);
}
