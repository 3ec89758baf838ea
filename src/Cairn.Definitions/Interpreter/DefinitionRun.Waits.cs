using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <content>Steps that wait durably (timers, events, answers, child runs) and state writes.</content>
internal sealed partial class DefinitionRun
{
    private async Task<JsonNode?> DelayAsync(DelayStep step, Frame frame)
    {
        var duration = ParseDuration(step, RenderText(step.Duration, Scope(frame)), "duration");
        var limit = Cap(step.Timeout, frame);
        await frame.Context.Sleep(limit is { } cut && cut < duration ? cut : duration).ConfigureAwait(true);

        // A delay cut short by an enclosing step's deadline returns; that step's time check follows at once.
        return step.Timeout is { } timeout && timeout < duration ? throw StepTimeoutException.For(step, timeout) : null;
    }

    private async Task<JsonNode?> WaitAsync(WaitStep step, Frame frame)
    {
        var scope = Scope(frame);
        var name = _secrets.Mask(RenderText(step.Event, scope));
        var timeout = step.WaitTimeout is null ? (TimeSpan?)null : ParseDuration(step, RenderText(step.WaitTimeout, scope), "timeout");
        return await frame.Context.WaitForEvent<JsonNode?>(name, Cap(timeout, frame)).ConfigureAwait(true);
    }

    private async Task<JsonNode?> AskAsync(AskStep step, Frame frame)
    {
        var scope = Scope(frame);
        var prompt = _secrets.Mask(RenderText(step.Question, scope));
        var options = step.Options.Select(o => o with { Label = _secrets.Mask(RenderText(o.Label, scope)) }).ToArray();
        var question = new Question(step.Id, prompt, step.Kind, options.Length == 0 ? null : options);
        return await frame.Context.AskUser<JsonNode?>(question, Cap(step.Timeout, frame)).ConfigureAwait(true);
    }

    private async Task<JsonNode?> ChildAsync(ChildWorkflowStep step, Frame frame)
    {
        var input = _secrets.Mask(Sandbox.RenderNode(step.Input, Scope(frame)));
        return await frame.Context.RunChild<JsonNode?>(step.Workflow, input, version: step.Version).ConfigureAwait(true);
    }

    private async Task<JsonNode?> SetAsync(SetStep step, Frame frame)
    {
        var written = new JsonObject();
        foreach (var (key, expression) in step.State)
        {
            var value = _secrets.Mask(Evaluate(expression, frame, step));
            await frame.Context.State.Set(key, value).ConfigureAwait(true);
            written[key] = value?.DeepClone();
        }

        return written;
    }

    private static TimeSpan ParseDuration(StepDefinition step, string text, string field) =>
        Duration.TryParse(text, out var value)
            ? value
            : throw new DefinitionRunException($"Step '{step.Id}' ({step.Location}): {field} '{text}' is not a duration; write it like 30s, 5m, 1h30m or 500ms.");
}
