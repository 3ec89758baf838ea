using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <content>Leaf steps that do work: each runs as one durable step, so a completed one never runs again.</content>
internal sealed partial class DefinitionRun
{
    private Task<JsonNode?> ExecAsync(ExecStep step, Frame frame) =>
        frame.Context.Step<JsonNode?>(step.Id, async sc =>
        {
            var scope = Scope(frame, sc.Attempt);
            var command = step.Command.Select(c => RenderText(c, scope)).ToArray();
            var env = step.Env.ToDictionary(e => e.Key, e => RenderText(e.Value, scope), StringComparer.Ordinal);
            var cwd = step.Cwd is null ? null : Path.GetFullPath(RenderText(step.Cwd, scope), _baseDirectory);
            var stdin = step.Stdin is null ? null : RenderText(step.Stdin, scope);
            var result = await _services.Exec.RunAsync(new ExecRequest(command, env, cwd, stdin), sc.CancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new ExecStepException(_secrets.Mask($"Step '{step.Id}': {result.DescribeFailure(command[0])}"), result.ExitCode);
            }

            return _secrets.Mask(result.ToJson());
        }, MaskedOptions(step, frame, sideEffecting: true));

    private Task<JsonNode?> HttpAsync(HttpStep step, Frame frame) =>
        frame.Context.Step<JsonNode?>(step.Id, async sc =>
        {
            var scope = Scope(frame, sc.Attempt);
            var headers = step.Headers.ToDictionary(h => h.Key, h => RenderText(h.Value, scope), StringComparer.OrdinalIgnoreCase);
            var spec = new HttpRequestSpec(RenderText(step.Method, scope), RenderText(step.Url, scope), headers, Sandbox.RenderNode(step.Body, scope), step.ExpectStatus);
            var result = await _services.Http.SendAsync(spec, sc.CancellationToken).ConfigureAwait(false);
            return _secrets.Mask(result.ToJson());
        }, MaskedOptions(step, frame, sideEffecting: true));

    private Task<JsonNode?> ScriptAsync(ScriptStep step, Frame frame) =>
        frame.Context.Step<JsonNode?>(step.Id, sc => _secrets.Mask(Sandbox.RunScript(step.Code, Scope(frame, sc.Attempt))), MaskedOptions(step, frame, sideEffecting: false));

    private async Task<JsonNode?> FailAsync(FailStep step, Frame frame)
    {
        var message = _secrets.Mask(RenderText(step.Message, Scope(frame)));
        return await frame.Context.Step<JsonNode?>(step.Id, (Func<StepContext, JsonNode?>)(_ => throw new DefinitionRunException(message)), MaskedOptions(step, frame, sideEffecting: false)).ConfigureAwait(true);
    }

    /// <summary>The step's options with its circuit breaker's key masked: the key is stored with the breaker.</summary>
    private StepOptions MaskedOptions(StepDefinition step, Frame frame, bool sideEffecting)
    {
        var options = Options(step, frame, sideEffecting);
        return options.CircuitBreaker is { } breaker ? options with { CircuitBreaker = breaker with { Key = _secrets.Mask(breaker.Key) } } : options;
    }
}
