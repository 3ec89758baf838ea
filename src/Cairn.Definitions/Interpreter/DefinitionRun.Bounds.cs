using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <content>
/// Timeout and retry of steps that are not one durable step. A composite step (condition, loop, parallel, sequence)
/// with a <c>timeout</c> records its deadline when it starts; the steps inside are cut short at it (attempts,
/// waits and delays last no longer) and the time is checked after each of them, from the journal on replay. A
/// composite's <c>retry</c> is the retry of the steps inside that do work and set none, so a failed inner step is
/// retried on its own and the completed ones are kept. A <c>workflow</c> step's <c>retry</c> starts a new child run.
/// </content>
internal sealed partial class DefinitionRun
{
    /// <summary>The least time an attempt or wait is given, so that one started at its deadline still ends at once.</summary>
    private static readonly TimeSpan LeastLeft = TimeSpan.FromMilliseconds(1);

    /// <summary>Runs a composite step's steps under its timeout and with its retry as their default.</summary>
    private async Task<JsonNode?> BoundedAsync(StepDefinition step, Frame frame, Func<Frame, Task<JsonNode?>> run)
    {
        var retry = step.Retry ?? frame.Retry;
        if (step.Timeout is not { } timeout)
        {
            return await run(new Frame(frame.Context, frame.Item, frame.Index) { Deadline = frame.Deadline, Retry = retry }).ConfigureAwait(true);
        }

        var deadline = new StepDeadline(step, timeout, frame.Context.UtcNow + timeout);
        var earliest = frame.Deadline is { } outer && outer.At <= deadline.At ? outer : deadline;
        try
        {
            return await run(new Frame(frame.Context, frame.Item, frame.Index) { Deadline = earliest, Retry = retry }).ConfigureAwait(true);
        }
        catch (Exception e) when (IsRecoverable(e, frame) && !(e is StepTimeoutException own && own.StepId == step.Id))
        {
            // An inner failure at or past the deadline (an attempt or wait cut short by it) is this step timing out.
            if (frame.Context.UtcNow < deadline.At)
            {
                throw;
            }

            throw StepTimeoutException.For(step, timeout, e);
        }
    }

    /// <summary>Runs a step that is not one durable step under its own retry: each attempt is new work (a new child run), after a durable wait.</summary>
    private async Task<JsonNode?> RetriedAsync(StepDefinition step, Frame frame, Func<Task<JsonNode?>> run)
    {
        if (step.Retry is not { } definition)
        {
            return await run().ConfigureAwait(true);
        }

        var policy = Retry(definition);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run().ConfigureAwait(true);
            }
            catch (Exception e) when (IsRecoverable(e, frame) && policy.ShouldRetry(e, attempt))
            {
                // Retried below, after the wait.
            }

            var wait = policy.Jitter > 0 ? policy.DelayWithJitter(attempt + 1, frame.Context.Random.NextDouble()) : policy.DelayBefore(attempt + 1);
            if (wait > TimeSpan.Zero)
            {
                await frame.Context.Sleep(wait).ConfigureAwait(true);
            }
        }
    }

    /// <summary>Returns how long an attempt or wait may last: its own limit, cut to what is left before the enclosing deadline.</summary>
    private TimeSpan? Cap(TimeSpan? own, Frame frame)
    {
        if (frame.Deadline is not { } deadline)
        {
            return own;
        }

        var left = deadline.At - _services.Time.GetUtcNow();
        left = left < LeastLeft ? LeastLeft : left;
        return own is { } limit && limit < left ? limit : left;
    }
}
