using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn pause RUN_ID</c>: pauses a run at its next step boundary, in whichever process executes it.</summary>
internal sealed class PauseCommand(CliEnvironment environment)
    : ControlCommand(environment, "pause", "Pause a run at its next step boundary; cairn resume continues it.")
{
    protected override string Verb => "pause";

    protected override Task<RunStatus> ApplyAsync(IWorkflowClient client, string runId, CancellationToken cancellationToken) =>
        client.PauseAsync(runId, cancellationToken);

    protected override string Describe(string runId, RunStatus status) => status == RunStatus.Paused
        ? $"Run {runId} is paused; cairn resume {runId} continues it."
        : $"Run {runId} pauses at its next step boundary; cairn resume {runId} continues it.";
}
