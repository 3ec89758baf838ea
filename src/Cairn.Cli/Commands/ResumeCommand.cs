using System.CommandLine;
using System.Text.Json;
using Cairn.Cli.Execution;
using Cairn.Cli.Hosting;
using Cairn.Cli.Views;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary>
/// <c>cairn resume RUN_ID</c>: continues a run with a resume strategy (by default: after its last completed step) and
/// executes it here until it completes, fails or waits; with <c>--dry-run</c> it only says what the strategy would
/// keep and run again.
/// </summary>
internal sealed class ResumeCommand : CliCommand
{
    private static readonly Argument<string> RunId = RunIdArgument.Create();
    private static readonly Option<string> Strategy = new("--strategy")
    {
        Description = "How to continue: " + string.Join(", ", ResumeStrategyNames.Names) + ".",
        HelpName = "STRATEGY",
        DefaultValueFactory = _ => "resume",
    };

    private static readonly Option<int?> Checkpoint = new("--checkpoint") { Description = "The checkpoint for from-checkpoint and fork (default: the last; 0 is the start).", HelpName = "N" };
    private static readonly Option<string?> Step = new("--step") { Description = "The step for from-step, or which failed step skip-failed skips.", HelpName = "ID" };
    private static readonly Option<string?> Value = new("--value") { Description = "The output a step skipped by skip-failed stands in with, as JSON.", HelpName = "JSON" };
    private static readonly Option<string?> Input = new("--input") { Description = "A new input, as JSON (journaled as an edit).", HelpName = "JSON" };
    private static readonly Option<string[]> SetState = new("--set-state") { Description = "Set a state key where the run continues, as KEY=JSON (journaled as an edit); repeatable.", HelpName = "KEY=JSON" };
    private static readonly Option<int?> Version = new("--version") { Description = "Continue on this stored version of the definition.", HelpName = "N" };
    private static readonly Option<string?> NewId = new("--new-id") { Description = "The id of the new run of restart and fork (default: a new one).", HelpName = "RUN_ID" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Only print what would be kept, what would run again and which of that has outside effects." };
    private static readonly Option<bool> Detach = new("--detach") { Description = "Only resume; a cairn worker executes the run." };
    private static readonly Option<bool> JsonOutput = GlobalOptions.Json();

    public ResumeCommand(CliEnvironment environment)
        : base(environment, "resume", "Continue a run with a resume strategy (rewind, fork, restart, retry or skip what failed…) and execute it here.")
    {
        Command.Add(RunId);
        foreach (var option in new Option[] { Strategy, Checkpoint, Step, Value, Input, SetState, Version, NewId, DryRun, Detach, JsonOutput })
        {
            Command.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetRequiredValue(RunId);
        var json = parse.GetValue(JsonOutput);
        var request = Request(parse);
        var store = GetStore(parse);
        if (!store.Exists)
        {
            throw CliException.NotFound($"No run with id '{runId}': the store {store} does not exist; pass --store (or set {StoreLocation.EnvironmentVariable}) to the store the run was started on.");
        }

        var execute = !request.DryRun && !parse.GetValue(Detach);
        await using var host = await CliHost.StartAsync(store, execute ? HostMode.Execute : HostMode.Client, cancellationToken: cancellationToken);
        var run = await host.Client.GetRunAsync(runId, cancellationToken);
        if (run.Status == RunStatus.Completed && parse.GetResult(Strategy) is not { Implicit: false } && !request.DryRun)
        {
            return Completed(run, json);
        }

        var plan = await host.Client.ResumeAsync(runId, request, cancellationToken);
        if (request.DryRun)
        {
            Write(plan, json, Out);
            return ExitCodes.Success;
        }

        // The plan goes to standard error (with --json too, so standard output stays one document); a plain resume of
        // a paused or interrupted run has nothing to say.
        if (plan.Strategy != ResumeStrategy.Resume || plan.ArchivedBranch is not null || plan.Edits.Count > 0)
        {
            Write(plan, json: false, Error);
        }

        if (execute)
        {
            return await RunExecutor.ExecuteAsync(Environment, host, plan.ContinuingRunId, json, cancellationToken);
        }

        var status = (await host.Client.GetRunAsync(plan.ContinuingRunId, cancellationToken)).Status;
        if (json)
        {
            Json.Write(Out, RunJson.Status(plan.ContinuingRunId, status));
        }
        else
        {
            Out.WriteLine($"Run {plan.ContinuingRunId} is {Names.Of(status)}; a cairn worker executes it.");
        }

        return ExitCodes.Success;
    }

    private static void Write(ResumePlan plan, bool json, TextWriter writer)
    {
        if (json)
        {
            Json.Write(writer, PlanJson.Plan(plan));
        }
        else
        {
            PlanText.Write(writer, plan);
        }
    }

    private static ResumeRequest Request(ParseResult parse)
    {
        var name = parse.GetValue(Strategy)!;
        if (!ResumeStrategyNames.TryParse(name, out var strategy))
        {
            throw CliException.Usage($"'{name}' is not a resume strategy; use one of: {string.Join(", ", ResumeStrategyNames.Names)}.");
        }

        var state = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(SetState) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliException.Usage($"--set-state '{pair}' is not KEY=JSON; write for example --set-state limit=10 or --set-state 'name=\"Ada\"'.");
            }

            state[pair[..equals]] = Json.ParseArgument(pair[(equals + 1)..], $"The value of --set-state {pair[..equals]}");
        }

        return new ResumeRequest
        {
            Strategy = strategy,
            Checkpoint = parse.GetValue(Checkpoint),
            StepId = parse.GetValue(Step),
            Value = parse.GetValue(Value) is { } value ? Json.ParseArgument(value, "--value") : null,
            Input = parse.GetValue(Input) is { } input ? Json.ParseArgument(input, "--input") : null,
            SetState = state,
            Version = parse.GetValue(Version),
            NewRunId = parse.GetValue(NewId),
            DryRun = parse.GetValue(DryRun),
        };
    }

    private int Completed(RunInfo run, bool json)
    {
        if (json)
        {
            Json.Write(Out, RunJson.Status(run.RunId, run.Status));
        }
        else
        {
            Out.WriteLine($"Run {run.RunId} has already completed; nothing to resume (--strategy from-checkpoint, fork or restart runs part or all of it again).");
        }

        return ExitCodes.Success;
    }
}
