using System.Runtime.ExceptionServices;
using Cairn.Journal;

namespace Cairn.Engine;

/// <content>
/// Steps with a failure policy or a compensation: a small deterministic program over the step's rounds of attempts
/// and the primitives of a context whose positions lie under the step's (<c>{position}.1</c>, …), replayed the same way.
/// </content>
internal sealed partial class RunExecution
{
    private async Task<T> StepProgramAsync<T>(string position, string name, Func<StepContext, Task<T>> body, StepOptions? options, Recorded? recorded)
    {
        var policy = options?.OnFailure ?? _workflow.Options.OnFailure ?? FailurePolicy.Fail;
        var plan = Plan(options) with { EndsWithFailure = policy.Action is FailureAction.Fail or FailureAction.Fallback or FailureAction.Compensate };
        var rounds = new StepRounds(recorded);
        var scope = new WorkflowContext(this, position + ".");
        while (true)
        {
            StepFailedException failure;
            try
            {
                var (value, sequence) = await RoundAsync(position, name, body, plan, rounds).ConfigureAwait(false);
                if (options?.Compensation is { } undo)
                {
                    RegisterCompensation(new Compensation(sequence, position, name, undo, value));
                }

                return value;
            }
            catch (StepFailedException e) when (e.Position == position)
            {
                failure = e;
            }

            switch (policy.Action)
            {
                case FailureAction.Skip:
                    return await SkipAsync<T>(position, name, rounds, StandIn(policy.Output, name)).ConfigureAwait(false);
                case FailureAction.Fallback:
                    return Converted<T>(await policy.Alternative!(scope, failure).ConfigureAwait(false), name);
                case FailureAction.Compensate:
                    await CompensateAsync(failure.Sequence).ConfigureAwait(false);
                    break;
                case FailureAction.Escalate or FailureAction.Park:
                    var resolution = policy.Action == FailureAction.Escalate
                        ? await scope.Escalate(name, failure, policy.Prompt).ConfigureAwait(false)
                        : await scope.Park(name, failure).ConfigureAwait(false);
                    if (resolution.Action == ResolutionAction.Retry)
                    {
                        continue;
                    }

                    if (resolution.Action == ResolutionAction.Skip)
                    {
                        var output = resolution.Value is { } chosen ? chosen.GetRawText() : StandIn(policy.Output, name);
                        return await SkipAsync<T>(position, name, rounds, output).ConfigureAwait(false);
                    }

                    await FailAsync(position, name, rounds, failure).ConfigureAwait(false);
                    break;
            }

            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Runs or replays one round of attempts; the task fails with <see cref="StepFailedException"/> when the round ends in failure.</summary>
    private Task<(T Value, long Sequence)> RoundAsync<T>(string position, string name, Func<StepContext, Task<T>> body, StepPlan plan, StepRounds rounds)
    {
        if (rounds.NextRecordedEnd() is { } end)
        {
            return Task.FromException<(T, long)>(RecordedFailure(name, position, end));
        }

        if (rounds.Final is { } final)
        {
            return final.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.StepSkipped
                ? Task.FromResult((_engine.Payloads.Deserialize<T>(final.Payload), final.Sequence))
                : Task.FromException<(T, long)>(RecordedFailure(name, position, final));
        }

        if (BlockedTask<(T, long)>() is { } blocked)
        {
            return blocked;
        }

        var call = rounds.StartLive(position, name, body, plan);
        call.WaitOpen |= HadWaitAt(position);
        Enter();
        _ = RunAttemptsAsync(call);
        return LiveRoundAsync(call, rounds);
    }

    private static async Task<(T Value, long Sequence)> LiveRoundAsync<T>(StepCall<T> call, StepRounds rounds)
    {
        try
        {
            var value = await call.Done.Task.ConfigureAwait(false);
            return (value, call.CompletedSequence);
        }
        catch (StepFailedException e)
        {
            rounds.LiveRoundEnded(e.Attempts);
            throw;
        }
    }

    /// <summary>Records the step as skipped with a stand-in output (or replays that it was).</summary>
    private Task<T> SkipAsync<T>(string position, string name, StepRounds rounds, string? output)
    {
        if (rounds.Final is { Kind: JournalEntryKind.StepSkipped } skipped)
        {
            return Task.FromResult(_engine.Payloads.Deserialize<T>(skipped.Payload));
        }

        return Tracked(async () =>
        {
            await CommitAsync(new Draft(JournalEntryKind.StepSkipped, position, name, output, rounds.Attempts)).ConfigureAwait(false);
            return _engine.Payloads.Deserialize<T>(output);
        });
    }

    /// <summary>Records the step's last failure as final (or replays that it was).</summary>
    private Task FailAsync(string position, string name, StepRounds rounds, StepFailedException failure)
    {
        if (rounds.Final is { Kind: JournalEntryKind.StepFailed })
        {
            return Task.CompletedTask;
        }

        var payload = _engine.Payloads.Serialize(Redact(failure.Failure), new PayloadSubject("A step failure"));
        return Live(CommitAsync(new Draft(JournalEntryKind.StepFailed, position, name, payload, failure.Attempts)));
    }

    private string? StandIn(object? output, string name) =>
        output is null ? null : _engine.Payloads.Serialize(output, new PayloadSubject("The stand-in output of skipped step '{0}'", name));

    private static T Converted<T>(object? result, string name) => result switch
    {
        T value => value,
        null => default!,
        _ => throw new InvalidCastException($"The fallback of step '{name}' returned {result.GetType().FullName}, not {typeof(T).FullName}; give FailurePolicy.Fallback the step's result type."),
    };
}
