using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <summary>
/// One execution of a definition: walks its steps with the durable primitives of <see cref="WorkflowContext"/>, so
/// checkpoints, replay and resume behave exactly as for a C# workflow. Everything an expression can see is rebuilt
/// from the journal on replay (inputs, step outputs, state); only <c>env</c> is read live and never journaled.
/// </summary>
internal sealed partial class DefinitionRun
{
    private readonly WorkflowDefinition _definition;
    private readonly WorkflowContext _root;
    private readonly DefinitionServices _services;
    private readonly JsonNode? _input;
    private readonly JsonObject _steps = [];
    private readonly JsonObject _env;
    private readonly EnvSecrets _secrets;
    private readonly string _baseDirectory;

    public DefinitionRun(WorkflowDefinition definition, string file, WorkflowContext context, JsonElement? input, DefinitionServices services)
    {
        _definition = definition;
        _root = context;
        _services = services;
        _input = input is { } i ? JsonNode.Parse(i.GetRawText()) : null;
        _env = EnvSecrets.Read(definition.Env);
        _secrets = new EnvSecrets(_env);
        _baseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
    }

    private ScriptSandbox Sandbox => _services.Sandbox;

    /// <summary>Runs the definition; the output is the output of the last step that ran.</summary>
    public async Task<object?> RunAsync()
    {
        ExpectDefinition();
        return _secrets.Mask(await RunListAsync(_definition.Steps, new Frame(_root, null, null)).ConfigureAwait(true));
    }

    private async Task<JsonNode?> RunListAsync(IReadOnlyList<StepDefinition> steps, Frame frame)
    {
        JsonNode? last = null;
        foreach (var step in steps)
        {
            var result = await RunStepAsync(step, frame).ConfigureAwait(true);
            if (result.Ran)
            {
                last = result.Output;
            }

            // The time is read from the journal on replay, so a replayed run times out exactly where the first did.
            if (frame.Deadline is { } deadline && frame.Context.UtcNow >= deadline.At)
            {
                throw deadline.Exceeded();
            }
        }

        return last;
    }

    private async Task<StepResult> RunStepAsync(StepDefinition step, Frame frame)
    {
        if (step is not ConditionStep && step.If is { } condition && !IsTruthy(condition, frame, step))
        {
            frame.Context.Skip(step.Id);
            Record(step.Id, "skipped", null);
            Expect(1 - Expected(step), frame);
            return new StepResult(false, null);
        }

        JsonNode? output;
        try
        {
            output = step switch
            {
                // Steps that do work are one durable step each; retry, timeout, onFailure and compensate are its options.
                ExecStep exec => await ExecAsync(exec, frame).ConfigureAwait(true),
                HttpStep http => await HttpAsync(http, frame).ConfigureAwait(true),
                ScriptStep script => await ScriptAsync(script, frame).ConfigureAwait(true),
                FailStep fail => await FailAsync(fail, frame).ConfigureAwait(true),
                _ => await GuardedAsync(step, frame, () => RunOtherAsync(step, frame)).ConfigureAwait(true),
            };
        }
        catch (Exception) when (!frame.Context.CancellationToken.IsCancellationRequested)
        {
            Record(step.Id, "failed", null);
            throw;
        }

        if (step.Compensate.Count > 0 && step is not (ExecStep or HttpStep or ScriptStep or FailStep))
        {
            AddCompensation(step, frame);
        }

        Record(step.Id, "completed", output);
        return new StepResult(true, output);
    }

    /// <summary>Runs a step that is not a single durable step; an error in one of its own templates names the step.</summary>
    private async Task<JsonNode?> RunOtherAsync(StepDefinition step, Frame frame)
    {
        try
        {
            return await RunKindAsync(step, frame).ConfigureAwait(true);
        }
        catch (ScriptException e)
        {
            throw new DefinitionRunException($"Step '{step.Id}' ({step.Location}): {e.Message}", e);
        }
    }

    private async Task<JsonNode?> RunKindAsync(StepDefinition step, Frame frame) => step switch
    {
        ConditionStep branch => await BoundedAsync(branch, frame, inner => ConditionAsync(branch, inner)).ConfigureAwait(true),
        LoopStep loop => await BoundedAsync(loop, frame, inner => LoopAsync(loop, inner)).ConfigureAwait(true),
        ParallelStep parallel => await BoundedAsync(parallel, frame, inner => ParallelAsync(parallel, inner)).ConfigureAwait(true),
        SequenceStep sequence => await BoundedAsync(sequence, frame, inner => RunListAsync(sequence.Steps, inner)).ConfigureAwait(true),
        DelayStep delay => await DelayAsync(delay, frame).ConfigureAwait(true),
        WaitStep wait => await WaitAsync(wait, frame).ConfigureAwait(true),
        AskStep ask => await AskAsync(ask, frame).ConfigureAwait(true),
        ChildWorkflowStep child => await RetriedAsync(child, frame, () => ChildAsync(child, frame)).ConfigureAwait(true),
        SetStep set => await SetAsync(set, frame).ConfigureAwait(true),
        _ => throw new NotSupportedException($"Step type '{step.Type}' of step '{step.Id}' cannot be run by this version of Cairn."),
    };

    private void Record(string id, string status, JsonNode? output)
    {
        lock (_steps)
        {
            _steps[id] = new JsonObject { ["status"] = status, ["output"] = output?.DeepClone() };
        }
    }

    /// <summary>Builds what expressions see: input, steps, state, run, env, and item/index inside loops.</summary>
    private JsonObject Scope(Frame frame, int attempt = 1)
    {
        var state = new JsonObject();
        foreach (var (key, json) in frame.Context.State.Snapshot())
        {
            state[key] = json is null ? null : JsonNode.Parse(json);
        }

        JsonNode steps;
        lock (_steps)
        {
            steps = _steps.DeepClone();
        }

        var scope = new JsonObject
        {
            ["input"] = _input?.DeepClone(),
            ["steps"] = steps,
            ["state"] = state,
            ["run"] = new JsonObject { ["id"] = _root.RunId, ["attempt"] = attempt },
            ["env"] = _env.DeepClone(),
        };
        if (frame.HasItem)
        {
            scope["item"] = frame.Item?.DeepClone();
            scope["index"] = frame.Index;
        }

        return scope;
    }

    private bool IsTruthy(string expression, Frame frame, StepDefinition step) =>
        Guard(step, () => Sandbox.IsTruthy(ScriptSandbox.StripTemplate(expression) ?? expression, Scope(frame)));

    private JsonNode? Evaluate(string expression, Frame frame, StepDefinition step) =>
        Guard(step, () => Sandbox.Evaluate(ScriptSandbox.StripTemplate(expression) ?? expression, Scope(frame)));

    private string RenderText(string? template, JsonObject scope) =>
        template is null ? string.Empty : Sandbox.Render(template, scope) switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var node => node.ToJsonString(),
        };

    /// <summary>Names the step in errors raised while evaluating its expressions.</summary>
    private static T Guard<T>(StepDefinition step, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ScriptException e)
        {
            throw new DefinitionRunException($"Step '{step.Id}' ({step.Location}): {e.Message}", e);
        }
    }

    private readonly record struct StepResult(bool Ran, JsonNode? Output);
}
