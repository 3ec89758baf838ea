namespace Cairn.Definitions.Parsing;

/// <content>What a step does about failures: <c>retry</c> (with <c>retryOn</c>) and <c>onFailure</c>; the top level has the same blocks as defaults.</content>
internal sealed partial class StepReader
{
    /// <summary>Reads a <c>retry</c> block.</summary>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="field">Names the field in messages ("'retry' of exec step 'build'").</param>
    /// <param name="subject">Names the block in messages ("the retry of exec step 'build'").</param>
    /// <returns>The settings, or <see langword="null"/> when absent or not a mapping.</returns>
    public RetryDefinition? ReadRetry(Node? node, string field, string subject)
    {
        if (Values.Mapping(context, node, field, "a mapping such as { maxAttempts: 3, delay: 1s }") is not { } mapping)
        {
            return null;
        }

        var fields = new Fields(mapping, context, subject, StepFields.Retry);
        var what = $"of {subject}";
        var defaults = new RetryDefinition();
        var delay = Values.FixedDuration(context, fields["delay"], $"'delay' {what}", allowZero: true);
        var maxDelay = Values.FixedDuration(context, fields["maxDelay"], $"'maxDelay' {what}", allowZero: false);
        if (maxDelay < (delay ?? defaults.Delay))
        {
            context.Error(fields["maxDelay"]!, $"'maxDelay' {what} is shorter than its delay; make it at least as long as delay ({delay ?? defaults.Delay})");
        }

        var jitter = Values.Number(context, fields["jitter"], $"'jitter' {what}", minimum: 0);
        if (jitter > 1)
        {
            context.Error(fields["jitter"]!, $"'jitter' {what} is {jitter}; give a fraction from 0 to 1, such as 0.2 (each wait varies by up to a fifth either way)");
        }

        return new RetryDefinition
        {
            MaxAttempts = Values.Integer(context, fields["maxAttempts"], $"'maxAttempts' {what}") ?? defaults.MaxAttempts,
            Delay = delay ?? defaults.Delay,
            Backoff = Values.Number(context, fields["backoff"], $"'backoff' {what}", minimum: 1) ?? defaults.Backoff,
            MaxDelay = maxDelay,
            Jitter = jitter is <= 1 and { } j ? j : 0,
            RetryOn = ReadRetryOn(fields["retryOn"], $"'retryOn' {what}"),
        };
    }

    /// <summary>Reads an <c>onFailure</c>: an action name, or a mapping with the action and its settings.</summary>
    /// <param name="node">The value, or <see langword="null"/> when absent.</param>
    /// <param name="field">Names the field in messages.</param>
    /// <returns>The policy, or <see langword="null"/> when absent or not acceptable.</returns>
    public OnFailureDefinition? ReadOnFailure(Node? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                var named = Action(scalar, field);
                if (named == FailureAction.Fallback)
                {
                    context.Error(scalar, $"{field} is fallback, which needs the steps to run instead; write {{ action: fallback, steps: [...] }}");
                    return null;
                }

                return named is { } action ? new OnFailureDefinition { Action = action } : null;
            case MappingNode mapping:
                return ReadOnFailureMapping(mapping, field);
            default:
                context.Error(node, $"{field} must be one of {ActionList} or a mapping such as {{ action: skip, output: 0 }}, not {node.KindText}");
                return null;
        }
    }

    private OnFailureDefinition? ReadOnFailureMapping(MappingNode mapping, string field)
    {
        var fields = new Fields(mapping, context, field, StepFields.OnFailure);
        var actionNode = fields["action"];
        if (actionNode is null)
        {
            fields.Missing("action", $"{field} needs an action, one of {ActionList}");
        }

        FailureAction? action = null;
        if (actionNode is ScalarNode { Kind: ScalarKind.String } scalar)
        {
            action = Action(scalar, $"'action' of {field}");
        }
        else if (actionNode is not null)
        {
            context.Error(actionNode, $"'action' of {field} must be one of {ActionList}, not {actionNode.KindText}");
        }
        var steps = fields["steps"] is { } stepsNode ? ReadSteps(stepsNode, $"'steps' of {field}") : [];
        if (action == FailureAction.Fallback && fields["steps"] is null)
        {
            fields.Missing("steps", $"{field} falls back, so it needs steps: the steps to run instead, whose last output stands for the step's");
        }

        if (action is { } a && a != FailureAction.Fallback && fields["steps"] is { } extra)
        {
            context.Error(extra, $"'steps' of {field} applies only to fallback; remove it, or make the action fallback");
        }

        if (action is FailureAction.Fail or FailureAction.Fallback or FailureAction.Compensate && fields["output"] is { } output)
        {
            context.Error(output, $"'output' of {field} applies only to skip, escalate and park (the stand-in output of a skip); remove it");
        }

        var prompt = Values.Text(context, fields["prompt"], $"'prompt' of {field}");
        if (action is { } b && b != FailureAction.Escalate && fields["prompt"] is { } extraPrompt)
        {
            context.Error(extraPrompt, $"'prompt' of {field} applies only to escalate; remove it, or make the action escalate");
        }

        return action is { } chosen
            ? new OnFailureDefinition
            {
                Action = chosen,
                Output = fields["output"] is { } value ? JsonValues.Convert(context, value, $"'output' of {field}", templates: true) : null,
                Steps = steps,
                Prompt = prompt,
            }
            : null;
    }

    private CircuitBreakerDefinition? ReadCircuitBreaker(Node? node, StepCommon common)
    {
        var field = common.Field("circuitBreaker");
        if (Values.Mapping(context, node, field, "a mapping such as { key: payments, threshold: 5, breakFor: 30s }") is not { } mapping)
        {
            return null;
        }

        var fields = new Fields(mapping, context, field, StepFields.CircuitBreaker);
        var key = Values.Text(context, fields["key"], $"'key' of {field}");
        if (key is { Length: 0 })
        {
            context.Error(fields["key"]!, $"'key' of {field} is empty; name the target the breaker guards, such as payments-api");
        }

        if (fields["key"] is null && common.Type != "http")
        {
            fields.Missing("key", $"{field} needs a key: the name of the target it guards (steps with the same key share one breaker); only http steps default to their URL's host");
        }

        var defaults = new CircuitBreakerDefinition();
        return new CircuitBreakerDefinition
        {
            Key = key,
            Threshold = Values.Integer(context, fields["threshold"], $"'threshold' of {field}") ?? defaults.Threshold,
            BreakFor = Values.FixedDuration(context, fields["breakFor"], $"'breakFor' of {field}", allowZero: false) ?? defaults.BreakFor,
            HalfOpenTrials = Values.Integer(context, fields["halfOpenTrials"], $"'halfOpenTrials' of {field}") ?? defaults.HalfOpenTrials,
        };
    }

    private RetryOnDefinition? ReadRetryOn(Node? node, string field)
    {
        if (Values.Mapping(context, node, field, "a mapping such as { status: [429, 503], timeout: true }") is not { } mapping)
        {
            return null;
        }

        var fields = new Fields(mapping, context, field, StepFields.RetryOn);
        if (mapping.Entries.Count == 0)
        {
            context.Error(mapping, $"{field} is empty; list what is retried (status, exitCode, timeout), or leave it out to retry any failure");
        }

        var timeout = fields["timeout"];
        if (timeout is not null and not ScalarNode { Kind: ScalarKind.Bool })
        {
            context.Error(timeout, $"'timeout' of {field} must be true or false, not {timeout.KindText}");
        }

        return new RetryOnDefinition
        {
            Status = fields["status"] is { } status ? ReadStatuses(status, $"'status' of {field}") : [],
            ExitCode = fields["exitCode"] is { } codes ? ReadExitCodes(codes, $"'exitCode' of {field}") : [],
            Timeout = timeout is ScalarNode { Kind: ScalarKind.Bool } flag && flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private List<int> ReadExitCodes(Node node, string what)
    {
        var items = node is SequenceNode list ? list.Items : [node];
        if (node is SequenceNode { Items.Count: 0 })
        {
            context.Error(node, $"{what} is empty; give an exit code such as 75 or a list such as [75, 111]");
        }

        return [.. items.Select(item => Values.Integer(context, item, what, 1, 255)).OfType<int>()];
    }

    private FailureAction? Action(ScalarNode scalar, string what)
    {
        if (StepFields.FailureActions.TryGetValue(scalar.Value, out var action))
        {
            return action;
        }

        context.Error(scalar, $"{what} is '{scalar.Value}'; {Suggest.OneOf(scalar.Value, [.. StepFields.FailureActions.Keys])}");
        return null;
    }

    private static string ActionList => string.Join(", ", StepFields.FailureActions.Keys);
}
