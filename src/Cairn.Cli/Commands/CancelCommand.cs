using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn cancel RUN_ID</c>: cancels a run, in whichever process executes it.</summary>
internal sealed class CancelCommand(CliEnvironment environment)
    : ControlCommand(environment, "cancel", "Cancel a run; a running step is told to stop.")
{
    protected override string Verb => "cancel";

    protected override Task<RunStatus> ApplyAsync(IWorkflowClient client, string runId, CancellationToken cancellationToken) =>
        client.CancelAsync(runId, cancellationToken);

    protected override string Describe(string runId, RunStatus status) => status == RunStatus.Cancelled
        ? $"Run {runId} is cancelled."
        : $"Run {runId} is being cancelled; the process executing it stops it.";
}
