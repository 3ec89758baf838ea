using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Definitions.Interpreter;

/// <content>Control flow: condition, loop and parallel. Their decisions are recomputed on replay from journaled data.</content>
internal sealed partial class DefinitionRun
{
    private async Task<JsonNode?> ConditionAsync(ConditionStep step, Frame frame)
    {
        var holds = step.If is null || IsTruthy(step.If, frame, step);
        var branch = holds ? step.Then : step.Else;
        Expect(Expected(branch) - Expected(step), frame);
        return await RunListAsync(branch, frame).ConfigureAwait(true);
    }

    private async Task<JsonNode?> LoopAsync(LoopStep step, Frame frame)
    {
        var outputs = new JsonArray();
        if (step.ForEach is { } forEach)
        {
            if (Evaluate(forEach, frame, step) is not JsonArray items)
            {
                throw new DefinitionRunException($"Step '{step.Id}' ({step.Location}): forEach must give a list, but '{forEach}' did not; make the expression return an array.");
            }

            if (items.Count > step.MaxIterations)
            {
                throw TooManyIterations(step, items.Count.ToString(CultureInfo.InvariantCulture));
            }

            Expect(Expected(step.Steps) * (items.Count - 1), frame);

            for (var i = 0; i < items.Count; i++)
            {
                outputs.Add(await RunListAsync(step.Steps, frame.Nested(frame.Context, items[i], i)).ConfigureAwait(true));
            }

            return outputs;
        }

        // Each check sees the index of the iteration it decides on (0 for the first), and the enclosing loop's item.
        var iterations = 0;
        for (; IsTruthy(step.While!, frame.Nested(frame.Context, frame.Item, iterations), step); iterations++)
        {
            if (iterations >= step.MaxIterations)
            {
                throw TooManyIterations(step, "more");
            }

            if (iterations > 0)
            {
                Expect(Expected(step.Steps), frame);
            }

            outputs.Add(await RunListAsync(step.Steps, frame.Nested(frame.Context, frame.Item, iterations)).ConfigureAwait(true));
        }

        if (iterations == 0)
        {
            Expect(-Expected(step.Steps), frame);
        }

        return outputs;
    }

    private static DefinitionRunException TooManyIterations(LoopStep step, string count) =>
        new($"Step '{step.Id}' ({step.Location}): the loop would run {count} iterations, past its maxIterations of {step.MaxIterations}; raise maxIterations or fix the loop's condition.");

    private async Task<JsonNode?> ParallelAsync(ParallelStep step, Frame frame)
    {
        using var gate = new SemaphoreSlim(step.MaxConcurrency ?? step.Branches.Count);
        var branches = step.Branches.Select<IReadOnlyList<StepDefinition>, Func<WorkflowContext, Task<JsonNode?>>>(branch => async context =>
        {
            await gate.WaitAsync(context.CancellationToken).ConfigureAwait(true);
            try
            {
                return await RunListAsync(branch, frame.Nested(context, frame.Item, frame.Index)).ConfigureAwait(true);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        var results = await frame.Context.Gather(step.Id, branches).ConfigureAwait(true);
        return new JsonArray(results.Select(r => r?.DeepClone()).ToArray());
    }
}
