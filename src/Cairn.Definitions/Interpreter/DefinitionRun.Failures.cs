using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <content>
/// Failures: a step that does work (exec, http, script, fail) gets its retry, timeout, onFailure and compensate as the
/// core's <see cref="StepOptions"/>, exactly as a C# step would; other steps (waits, control flow, set) get onFailure
/// and compensate from the same public primitives (skip, escalate, park, compensate) around them, and their timeout
/// and retry as described in <c>DefinitionRun.Bounds.cs</c>.
/// </content>
internal sealed partial class DefinitionRun
{
    /// <summary>A wait longer than any run needs, standing for "no cap" on retry waits.</summary>
    private static readonly TimeSpan NoCap = TimeSpan.FromDays(365);

    private StepOptions Options(StepDefinition step, Frame frame, bool sideEffecting) => new()
    {
        Timeout = Cap(step.Timeout, frame),
        SideEffecting = sideEffecting,
        Retry = Retry(step.Retry ?? (step is ExecStep or HttpStep or ScriptStep ? frame.Retry ?? _definition.Retry : null)),
        OnFailure = Policy(step, frame),
        CircuitBreaker = Breaker(step, frame),
        Compensation = step.Compensate.Count == 0 ? null : (context, _) => RunListAsync(step.Compensate, new Frame(context, frame.Item, frame.Index)),
    };

    private static RetryPolicy Retry(RetryDefinition? retry) => retry is null
        ? RetryPolicy.None
        : new RetryPolicy
        {
            MaxAttempts = retry.MaxAttempts,
            InitialDelay = retry.Delay,
            BackoffFactor = retry.Backoff,
            MaxDelay = retry.MaxDelay ?? NoCap,
            Jitter = retry.Jitter,
            RetryOn = retry.RetryOn is null ? null : static _ => false,
            RetryOnStatusCodes = retry.RetryOn?.Status ?? [],
            RetryOnExitCodes = retry.RetryOn?.ExitCode ?? [],
            RetryOnExceptions = retry.RetryOn?.Timeout == true ? [typeof(TimeoutException)] : [],
        };

    /// <summary>The step's circuit breaker for the core; its key is rendered now (an http step's defaults to its URL's host and port).</summary>
    private CircuitBreakerPolicy? Breaker(StepDefinition step, Frame frame)
    {
        if (step.CircuitBreaker is not { } breaker)
        {
            return null;
        }

        var key = breaker.Key is { } template
            ? RenderText(template, Scope(frame))
            : step is HttpStep http && Uri.TryCreate(RenderText(http.Url, Scope(frame)), UriKind.Absolute, out var url) ? url.Authority : step.Id;
        return new CircuitBreakerPolicy
        {
            Key = key.Length == 0 ? step.Id : key,
            FailureThreshold = breaker.Threshold,
            BreakDuration = breaker.BreakFor,
            HalfOpenTrials = breaker.HalfOpenTrials,
        };
    }

    /// <summary>The step's failure policy for the core; its output and prompt templates are rendered now, before the step runs.</summary>
    private FailurePolicy? Policy(StepDefinition step, Frame frame)
    {
        if ((step.OnFailure ?? _definition.OnFailure) is not { } onFailure)
        {
            return null;
        }

        return onFailure.Action switch
        {
            FailureAction.Skip => FailurePolicy.Skip(StandIn(onFailure, frame)),
            FailureAction.Fallback => FailurePolicy.Fallback<JsonNode?>((context, _) => RunListAsync(onFailure.Steps, new Frame(context, frame.Item, frame.Index))),
            FailureAction.Compensate => FailurePolicy.Compensate,
            FailureAction.Escalate => FailurePolicy.Escalate(Prompt(onFailure, frame), StandIn(onFailure, frame)),
            FailureAction.Park => FailurePolicy.Park(StandIn(onFailure, frame)),
            _ => FailurePolicy.Fail,
        };
    }

    /// <summary>Runs a step that is not a single durable step (a wait, control flow, set) under its onFailure.</summary>
    private async Task<JsonNode?> GuardedAsync(StepDefinition step, Frame frame, Func<Task<JsonNode?>> run)
    {
        var onFailure = step.OnFailure ?? _definition.OnFailure;
        if (onFailure is null or { Action: FailureAction.Fail })
        {
            return await run().ConfigureAwait(true);
        }

        while (true)
        {
            Exception failure;
            try
            {
                return await run().ConfigureAwait(true);
            }
            catch (Exception e) when (IsRecoverable(e, frame))
            {
                failure = e;
            }

            switch (onFailure.Action)
            {
                case FailureAction.Skip:
                    return Skip(step, frame, StandIn(onFailure, frame));
                case FailureAction.Fallback:
                    return await RunListAsync(onFailure.Steps, frame).ConfigureAwait(true);
                case FailureAction.Compensate:
                    await frame.Context.Compensate().ConfigureAwait(true);
                    throw failure;
            }

            var resolution = onFailure.Action == FailureAction.Escalate
                ? await frame.Context.Escalate(step.Id, failure, Prompt(onFailure, frame)).ConfigureAwait(true)
                : await frame.Context.Park(step.Id, failure).ConfigureAwait(true);
            switch (resolution.Action)
            {
                case ResolutionAction.Retry:
                    continue;
                case ResolutionAction.Skip:
                    return Skip(step, frame, resolution.Value is { } value ? JsonNode.Parse(value.GetRawText()) : StandIn(onFailure, frame));
                default:
                    throw failure;
            }
        }
    }

    /// <summary>Registers the compensate steps of a completed step that is not a single durable step.</summary>
    private void AddCompensation(StepDefinition step, Frame frame) =>
        frame.Context.AddCompensation(step.Id, context => RunListAsync(step.Compensate, new Frame(context, frame.Item, frame.Index)));

    private static JsonNode? Skip(StepDefinition step, Frame frame, JsonNode? output)
    {
        frame.Context.Skip(step.Id, output);
        return output;
    }

    private static bool IsRecoverable(Exception e, Frame frame) =>
        !frame.Context.CancellationToken.IsCancellationRequested && e is not (NonDeterminismException or PayloadException);

    private JsonNode? StandIn(OnFailureDefinition onFailure, Frame frame) =>
        onFailure.Output is null ? null : _secrets.Mask(Sandbox.RenderNode(onFailure.Output, Scope(frame)));

    private string? Prompt(OnFailureDefinition onFailure, Frame frame) =>
        onFailure.Prompt is null ? null : _secrets.Mask(RenderText(onFailure.Prompt, Scope(frame)));
}
