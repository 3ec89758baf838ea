using System.CommandLine;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary>A command that changes one run's status through the store: pause or cancel.</summary>
internal abstract class ControlCommand : CliCommand
{
    private readonly Argument<string> _runId = RunIdArgument.Create();
    private readonly Option<bool> _json = GlobalOptions.Json();

    protected ControlCommand(CliEnvironment environment, string name, string description)
        : base(environment, name, description)
    {
        Command.Add(_runId);
        Command.Add(_json);
    }

    /// <summary>Gets the verb for messages, for example <c>pause</c>.</summary>
    protected abstract string Verb { get; }

    /// <summary>Sends the request.</summary>
    protected abstract Task<RunStatus> ApplyAsync(IWorkflowClient client, string runId, CancellationToken cancellationToken);

    /// <summary>Describes the status after the request.</summary>
    protected abstract string Describe(string runId, RunStatus status);

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(_runId);
        await using var host = await OpenForRunAsync(parse, runId, cancellationToken);
        var before = await host.Client.GetRunAsync(runId, cancellationToken);
        if (before.Status.IsFinished())
        {
            throw CliException.Usage($"Run {runId} has already {(before.Status == RunStatus.Cancelled ? "been cancelled" : Names.Of(before.Status))}; only unfinished runs can be asked to {Verb}.");
        }

        var status = await ApplyAsync(host.Client, runId, cancellationToken);
        if (parse.GetValue(_json))
        {
            Json.Write(Out, RunJson.Status(runId, status));
        }
        else
        {
            Out.WriteLine(Describe(runId, status));
        }

        return ExitCodes.Success;
    }
}
